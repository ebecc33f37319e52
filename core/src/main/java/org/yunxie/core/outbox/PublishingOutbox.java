package org.yunxie.core.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

/**
 * Sends due outbox messages through the publisher. Each message is claimed first, so two instances never
 * send the same one; a sent message is marked at once. A crash between sending and marking is the one case
 * that can repeat a message, after the claim runs out; publishers that can should make sending idempotent.
 * When the application stops, it stops first: no message is claimed any more and the sends under way finish
 * while what they rely on (Redis for the rate limit and for the parts already posted) is still there.
 */
@Service
public class PublishingOutbox implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PublishingOutbox.class);
    static final int MAX_ATTEMPTS = 12;
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(30);
    /** Sends under way at a stop get this long to finish; a message cut off is sent again after its claim. */
    private static final Duration SENDS_FINISH = Duration.ofSeconds(20);

    private final OutboxMapper mapper;
    private final OutboxPublisher publisher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String instance = "outbox-" + UUID.randomUUID();
    private final ExecutorService senders;
    private volatile boolean running = true;

    PublishingOutbox(OutboxMapper mapper, OutboxPublisher publisher, ApplicationEventPublisher events, Clock clock,
                     @Value("${yunxie.jobs.outbox-threads:4}") int threads) {
        this.mapper = mapper;
        this.publisher = publisher;
        this.events = events;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.senders = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread thread = new Thread(task, "outbox-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Sends what is due, up to {@code limit} messages; returns how many were sent. The messages of one group
     * (or one member) go out one after another in their order; different groups' at the same time, a few
     * senders at once ({@code yunxie.jobs.outbox-threads}): each group robot has its own budget.
     */
    public int publishDue(int limit) {
        Map<String, List<OutboxMessage>> byRecipient = new LinkedHashMap<>();
        for (OutboxMessage message : mapper.findDue(clock.instant(), limit)) {
            String recipient = message.chatGroupId() != null ? "group:" + message.chatGroupId()
                    : message.memberId() != null ? "member:" + message.memberId() : "message:" + message.id();
            byRecipient.computeIfAbsent(recipient, key -> new ArrayList<>()).add(message);
        }
        List<Future<Integer>> sending = new ArrayList<>();
        for (List<OutboxMessage> messages : byRecipient.values()) {
            try {
                sending.add(senders.submit(() -> sendInOrder(messages)));
            } catch (RejectedExecutionException stopping) {
                break;
            }
        }
        int sent = 0;
        for (Future<Integer> one : sending) {
            try {
                sent += one.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                log.error("Outbox sender failed", e.getCause());
            }
        }
        return sent;
    }

    private int sendInOrder(List<OutboxMessage> messages) {
        int sent = 0;
        for (OutboxMessage message : messages) {
            if (!running) {
                break;
            }
            Instant now = clock.instant();
            if (mapper.claim(message.id(), instance, now.plus(CLAIM), now) == 1 && send(message)) {
                sent++;
            }
        }
        return sent;
    }

    /** Stops before the beans it sends through (the default phase stops first): see the class comment. */
    @Override
    public void stop() {
        running = false;
        senders.shutdown();
        try {
            if (!senders.awaitTermination(SENDS_FINISH.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Outbox sends still under way after {}; they are sent again after their claim", SENDS_FINISH);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        // Running from construction: a stopped outbox is not started again (its senders are gone).
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public void destroy() {
        senders.shutdownNow();
    }

    private boolean send(OutboxMessage message) {
        try {
            publisher.publish(message);
        } catch (PublishLater later) {
            mapper.defer(message.id(), later.notBefore());
            return false;
        } catch (Exception e) {
            failed(message, e);
            return false;
        }
        if (mapper.markSent(message.id(), instance, clock.instant()) == 1) {
            events.publishEvent(new OutboxMessageSent(message));
        }
        return true;
    }

    private void failed(OutboxMessage message, Exception e) {
        int attempts = message.attempts() + 1;
        Instant now = clock.instant();
        boolean givingUp = attempts >= MAX_ATTEMPTS;
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 16));
        if (wait.compareTo(LONGEST_RETRY) > 0) {
            wait = LONGEST_RETRY;
        }
        String error = e.getClass().getSimpleName() + ": " + e.getMessage();
        mapper.markAttemptFailed(message.id(), now.plus(wait),
                error.length() > 500 ? error.substring(0, 500) : error, givingUp ? now : null);
        if (givingUp) {
            log.error("Gave up on outbox message {} ({}) after {} attempts", message.id(), message.kind(), attempts, e);
        } else {
            log.warn("Outbox message {} ({}) failed, attempt {}: {}", message.id(), message.kind(), attempts, error);
        }
    }
}
