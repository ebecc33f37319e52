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
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Sends due outbox messages through the publisher. Each message is claimed first, so two instances never
 * send the same one; a sent message is marked at once. A crash between sending and marking is the one case
 * that can repeat a message, after the claim runs out; publishers that can should make sending idempotent.
 */
@Service
public class PublishingOutbox implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PublishingOutbox.class);
    static final int MAX_ATTEMPTS = 12;
    private static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(10);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(30);

    private final OutboxMapper mapper;
    private final OutboxPublisher publisher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final String instance = "outbox-" + UUID.randomUUID();
    private final ExecutorService senders;

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
            sending.add(senders.submit(() -> sendInOrder(messages)));
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
            Instant now = clock.instant();
            if (mapper.claim(message.id(), instance, now.plus(CLAIM), now) == 1 && send(message)) {
                sent++;
            }
        }
        return sent;
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
