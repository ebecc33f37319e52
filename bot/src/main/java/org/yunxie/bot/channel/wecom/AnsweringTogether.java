package org.yunxie.bot.channel.wecom;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Smart-robot messages that wait for a turn ({@link AnsweringTurns}) are answered together: whoever gets a turn
 * takes up to {@code most} of the messages waiting, its own among them or not, and answers them in one go (one
 * transaction, one commit), so that a busy instance spends a transaction's fixed cost on many votes instead of
 * on each. A message alone is answered alone, as before. When answering together declines (a message in it was
 * a repeat, or a command failed and its part could not be undone alone), each message is answered alone on its
 * own thread; a failure that would fail each alone too (the database unreachable) reaches every one of them.
 * A message whose turn does not come within the wait is not run, and its caller hears so.
 */
final class AnsweringTogether<T, R> {

    private static final Logger log = LoggerFactory.getLogger(AnsweringTogether.class);
    /** How long a waiting caller sleeps at most before it looks again, should a wake-up have been missed. */
    private static final long LOOK_AGAIN_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final AnsweringTurns turns;
    private final int most;
    private final Function<T, R> alone;
    private final Function<List<T>, Optional<List<R>>> together;
    private final Predicate<RuntimeException> failsAlone;
    private final Queue<Waiting<T, R>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /**
     * @param most       how many messages one turn answers together at most
     * @param alone      answers one message
     * @param together   answers several in one go, each result in the order given; empty when it declined and
     *                   nothing of it remains
     * @param failsAlone whether a failure of answering together would fail each message alone as well
     */
    AnsweringTogether(AnsweringTurns turns, int most, Function<T, R> alone,
                      Function<List<T>, Optional<List<R>>> together, Predicate<RuntimeException> failsAlone) {
        this.turns = turns;
        this.most = Math.max(1, most);
        this.alone = alone;
        this.together = together;
        this.failsAlone = failsAlone;
        turns.whenFreed(this::wakeFirst);
    }

    /**
     * The message's result when its turn came soon (see {@link AnsweringTurns#ifTurnSoon}); empty, not run, if
     * not. As many messages as have turns, and the most that may wait besides, are on their way here at once:
     * messages taken up together wait for their answer however long it takes, so a burst beyond what this
     * instance records must find the way full, not a queue that only grows.
     */
    Optional<R> ifTurnSoon(T message) {
        if (turns.waiting() + inFlight.get() >= turns.atOnce() + turns.mostWaiting()) {
            return Optional.empty();
        }
        Waiting<T, R> mine = new Waiting<>(message, Thread.currentThread());
        long deadline = System.nanoTime() + turns.waitForTurn().toNanos();
        inFlight.incrementAndGet();
        turns.newMessageWaits();
        queue.add(mine);
        boolean interrupted = false;
        try {
            while (true) {
                if (mine.state.get() == Waiting.QUEUED && turns.tryTurn()) {
                    try {
                        answerWaiting();
                    } finally {
                        turns.release();
                    }
                }
                int state = mine.state.get();
                if (state == Waiting.DONE) {
                    return mine.outcome(() -> turns.ifTurnSoon(() -> alone.apply(message)));
                }
                long left = deadline - System.nanoTime();
                if (state == Waiting.QUEUED && left <= 0) {
                    if (mine.state.compareAndSet(Waiting.QUEUED, Waiting.GONE)) {
                        queue.remove(mine);
                        return Optional.empty();
                    }
                    continue;
                }
                LockSupport.parkNanos(this, state == Waiting.QUEUED ? Math.min(left, LOOK_AGAIN_NANOS)
                        : LOOK_AGAIN_NANOS);
                // A message taken up must still get its answer; the interrupt is kept for after it, and cleared
                // meanwhile so that parking waits again instead of returning at once.
                interrupted |= Thread.interrupted();
            }
        } finally {
            turns.newMessageGoesOn();
            inFlight.decrementAndGet();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many messages wait for a turn here now. */
    int waiting() {
        return (int) queue.stream().filter(w -> w.state.get() == Waiting.QUEUED).count();
    }

    /** Takes up to {@code most} waiting messages, in the order they came, and answers them; holds a turn. */
    private void answerWaiting() {
        List<Waiting<T, R>> taken = new ArrayList<>(Math.min(most, 16));
        while (taken.size() < most) {
            Waiting<T, R> next = queue.poll();
            if (next == null) {
                break;
            }
            if (next.state.compareAndSet(Waiting.QUEUED, Waiting.TAKEN)) {
                taken.add(next);
            }
        }
        try {
            if (taken.size() == 1) {
                Waiting<T, R> only = taken.get(0);
                try {
                    only.answered(alone.apply(only.message));
                } catch (RuntimeException e) {
                    only.failed(e);
                }
            } else if (!taken.isEmpty()) {
                answerTogether(taken);
            }
        } finally {
            // After an Error: no caller may wait for ever on an answer that will not come.
            taken.stream().filter(w -> w.state.get() != Waiting.DONE)
                    .forEach(w -> w.failed(new IllegalStateException("not answered")));
        }
    }

    private void answerTogether(List<Waiting<T, R>> taken) {
        Optional<List<R>> results;
        try {
            results = together.apply(taken.stream().map(w -> w.message).toList());
        } catch (RuntimeException e) {
            if (failsAlone.test(e)) {
                taken.forEach(w -> w.failed(e));
                return;
            }
            log.warn("{} smart robot messages not answered together, each is answered alone: {}", taken.size(),
                    e.toString());
            results = Optional.empty();
        }
        if (results.isEmpty()) {
            taken.forEach(Waiting::answerAlone);
            return;
        }
        for (int i = 0; i < taken.size(); i++) {
            taken.get(i).answered(results.get().get(i));
        }
    }

    /** A turn was given back: the first message still waiting looks whether it can take it. */
    private void wakeFirst() {
        for (Waiting<T, R> first : queue) {
            if (first.state.get() == Waiting.QUEUED) {
                LockSupport.unpark(first.caller);
                return;
            }
        }
    }

    private static final class Waiting<T, R> {
        static final int QUEUED = 0;
        static final int TAKEN = 1;
        static final int DONE = 2;
        static final int GONE = 3;

        final T message;
        final Thread caller;
        final AtomicInteger state = new AtomicInteger(QUEUED);
        private R result;
        private RuntimeException failure;
        private boolean alone;

        Waiting(T message, Thread caller) {
            this.message = message;
            this.caller = caller;
        }

        void answered(R answer) {
            result = answer;
            done();
        }

        void failed(RuntimeException e) {
            failure = e;
            done();
        }

        void answerAlone() {
            alone = true;
            done();
        }

        /** The fields above are written before, and read after, the volatile state: they are seen. */
        private void done() {
            state.set(DONE);
            LockSupport.unpark(caller);
        }

        Optional<R> outcome(Supplier<Optional<R>> runAlone) {
            if (failure != null) {
                throw failure;
            }
            return alone ? runAlone.get() : Optional.of(result);
        }
    }
}
