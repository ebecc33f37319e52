package org.yunxie.bot.channel.wecom;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.yunxie.core.inbox.InboundMessage;
import org.yunxie.core.inbox.Inbox;
import org.yunxie.core.shared.Channel;

/**
 * Processes what a WeCom channel acknowledged but did not finish: a failed send, a failed command, an
 * instance that stopped, and messages taken in during a burst to be answered a moment later. The inbox hands
 * each message to one instance at a time (its claim), so several instances may run this. It runs on its
 * schedule and as soon as a message is taken in for later ({@link #wake()}), until none is left waiting,
 * in batches worked side by side (their replies go out over HTTP). A message still failing after a day is given up
 * and logged, so that one bad message does not come back forever.
 */
@Component
class StalledMessages {

    static final int BATCH = 40;
    /** Side by side: most of a message's time is waiting, for its turn, the database and the reply's post. */
    static final int WORKERS = 16;
    static final Duration GIVE_UP_AFTER = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(StalledMessages.class);
    private static final Set<Channel> CHANNELS = Set.of(Channel.WECOM_APP, Channel.WECOM_ROBOT);

    private final Inbox inbox;
    private final AppMessages app;
    private final RobotMessages robot;
    private final Clock clock;
    private final ExecutorService drainer = Executors.newSingleThreadExecutor(daemon("wecom-inbox-drain"));
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS, daemon("wecom-inbox-worker"));
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wanted = new AtomicBoolean();

    StalledMessages(Inbox inbox, AppMessages app, RobotMessages robot, Clock clock) {
        this.inbox = inbox;
        this.app = app;
        this.robot = robot;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${yunxie.wecom.recovery-delay:PT30S}",
            fixedDelayString = "${yunxie.wecom.recovery-delay:PT30S}")
    void run() {
        wake();
    }

    /** Makes sure the messages waiting now are processed soon, on this instance's drain thread. */
    void wake() {
        wanted.set(true);
        if (draining.compareAndSet(false, true)) {
            drainer.execute(this::drain);
        }
    }

    private void drain() {
        try {
            while (wanted.getAndSet(false)) {
                while (processBatch() > 0) {
                    wanted.set(false);
                }
            }
        } finally {
            draining.set(false);
        }
        // A wake that came after the last look but before the flag fell found the drain still running.
        if (wanted.get()) {
            wake();
        }
    }

    /** Claims a batch of waiting messages and processes them side by side; how many there were. */
    private int processBatch() {
        List<InboundMessage> waiting;
        try {
            waiting = inbox.claimStalled(CHANNELS, BATCH);
        } catch (RuntimeException e) {
            log.warn("Waiting WeCom messages not looked at now: {}", e.toString());
            return 0;
        }
        List<Future<?>> done = waiting.stream().<Future<?>>map(message -> workers.submit(() -> recover(message)))
                .toList();
        for (Future<?> each : done) {
            try {
                each.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            } catch (ExecutionException e) {
                log.error("WeCom inbox message processing broke off", e.getCause());
            }
        }
        return waiting.size();
    }

    /** Processes one waiting message the way its channel does. */
    void recover(InboundMessage message) {
        try {
            switch (message.channel()) {
                case WECOM_APP -> app.process(message);
                case WECOM_ROBOT -> robot.recover(message);
                default -> {
                    return;
                }
            }
        } catch (RuntimeException e) {
            if (message.receivedAt().plus(GIVE_UP_AFTER).isBefore(clock.instant())) {
                log.error("WeCom inbox message {} given up after {} of failures", message.id(), GIVE_UP_AFTER, e);
                inbox.markProcessed(message.id(), null);
            } else {
                log.warn("WeCom inbox message {} still failing, tried again later: {}", message.id(), e.toString());
            }
        }
    }

    @PreDestroy
    void stop() {
        drainer.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
