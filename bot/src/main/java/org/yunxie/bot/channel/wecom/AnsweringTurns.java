package org.yunxie.bot.channel.wecom;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns at running smart-robot messages against the database on this instance. Without them a burst larger
 * than the instance can record as it comes queued every request for a pooled connection: all of them slowed
 * down together, past WeCom's 5 s, and WeCom's retries tripled the burst. With them a message runs in its turn
 * (turns are handed out in the order they were asked for) when the queue ahead of it is short enough to be a
 * moment's wait; otherwise, or when its turn does not come within the wait, it is taken in to be answered a
 * moment later, at once, so that request threads are never all held waiting.
 */
@Component
class AnsweringTurns {

    private static final Duration BACKLOG_LOOKS_AGAIN = Duration.ofMillis(5);

    private final Semaphore turns;
    private final AtomicInteger newWaiting = new AtomicInteger();
    private final int atOnce;
    private final int mostWaiting;
    private final Duration wait;
    private volatile Runnable whenFreed = () -> { };

    @Autowired
    AnsweringTurns(WecomSettings settings) {
        this(settings.robot().atOnce(), settings.robot().mostWaiting(), settings.robot().waitForTurn());
    }

    AnsweringTurns(int atOnce, int mostWaiting, Duration wait) {
        this.turns = new Semaphore(atOnce, true);
        this.atOnce = atOnce;
        this.mostWaiting = mostWaiting;
        this.wait = wait;
    }

    /**
     * The work's result when it got a turn: with fewer than the most waiting ahead, within the wait. Empty, and
     * the work not run, when it did not.
     */
    <T> Optional<T> ifTurnSoon(Supplier<T> work) {
        if (turns.getQueueLength() >= mostWaiting) {
            return Optional.empty();
        }
        boolean taken;
        newWaiting.incrementAndGet();
        try {
            taken = turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            newWaiting.decrementAndGet();
        }
        if (!taken) {
            return Optional.empty();
        }
        try {
            return Optional.of(work.get());
        } finally {
            release();
        }
    }

    /** A turn if one is free right now, ahead of anyone queued for one; give it back with {@link #release}. */
    boolean tryTurn() {
        return turns.tryAcquire();
    }

    void release() {
        turns.release();
        whenFreed.run();
    }

    /** Told whenever a turn is given back: those waiting for one in a queue of their own look again. */
    void whenFreed(Runnable lookAgain) {
        this.whenFreed = lookAgain;
    }

    /** Counts a new message waiting for a turn elsewhere than here, as {@link #behindNewMessages} knows. */
    void newMessageWaits() {
        newWaiting.incrementAndGet();
    }

    void newMessageGoesOn() {
        newWaiting.decrementAndGet();
    }

    /** The work's result once its turn came, however long that took: for messages already taken in. */
    <T> T whenTurn(Supplier<T> work) {
        turns.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            release();
        }
    }

    /**
     * As {@link #whenTurn}, for a message taken in earlier to be answered later: it waits while messages that
     * have just come in wait for a turn. Those are cheaper to record (in one transaction with their answer) and
     * get no turn if they wait too long, so in a burst the backlog must not take their turns; it is worked off
     * when the burst is over.
     */
    <T> T behindNewMessages(Supplier<T> work) {
        while (newWaiting.get() > 0) {
            LockSupport.parkNanos(BACKLOG_LOOKS_AGAIN.toNanos());
        }
        return whenTurn(work);
    }

    /** About how many are waiting for a turn now. */
    int waiting() {
        return turns.getQueueLength();
    }

    int atOnce() {
        return atOnce;
    }

    int mostWaiting() {
        return mostWaiting;
    }

    Duration waitForTurn() {
        return wait;
    }
}
