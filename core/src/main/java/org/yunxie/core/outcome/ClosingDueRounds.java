package org.yunxie.core.outcome;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.yunxie.core.inbox.Inbox;
import org.yunxie.core.round.RoundMapper;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;

/**
 * Closes every open round whose deadline has passed, including those that fell due while no instance was
 * running. Safe to run anywhere and twice: each round is closed by whichever closer gets there first.
 * Rounds are closed a few at a time ({@code yunxie.jobs.closing-threads}, each its own transaction), so that
 * a consultation day whose rounds all end at the same minute is closed within it.
 */
@Service
public class ClosingDueRounds implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClosingDueRounds.class);
    private static final Actor SCHEDULER = Actor.system("closing-job");
    static final int STORM_ROUNDS = 50;
    static final Duration STORM_YIELD = Duration.ofMinutes(2);
    /** How long past its deadline a round waits for messages taken in before it. */
    static final Duration INBOX_WAIT = Duration.ofMinutes(10);

    private final RoundMapper rounds;
    private final ClosingRound closing;
    private final Inbox inbox;
    private final Clock clock;
    private final ExecutorService closers;

    ClosingDueRounds(RoundMapper rounds, ClosingRound closing, Inbox inbox, Clock clock,
                     @Value("${yunxie.jobs.closing-threads:4}") int threads) {
        this.rounds = rounds;
        this.closing = closing;
        this.inbox = inbox;
        this.clock = clock;
        AtomicInteger count = new AtomicInteger();
        this.closers = Executors.newFixedThreadPool(Math.max(1, threads), task -> {
            Thread thread = new Thread(task, "closing-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Whether a closing storm is under way: at least {@link #STORM_ROUNDS} rounds are due and not yet closed,
     * the earliest of them due for less than {@link #STORM_YIELD}. Other jobs may give way to the closers then;
     * rounds that keep failing to close stop counting as a storm once they are that late.
     */
    public boolean stormUnderWay() {
        Instant now = clock.instant();
        List<Instant> due = rounds.findDueDeadlines(now, STORM_ROUNDS);
        return due.size() >= STORM_ROUNDS && due.get(0).isAfter(now.minus(STORM_YIELD));
    }

    /**
     * Closes up to {@code limit} due rounds; returns how many this call closed. A round whose deadline came
     * after a message still waiting in the inbox (taken in during a burst, or before a restart) waits for it,
     * up to {@link #INBOX_WAIT} past its deadline: a ballot in it was sent in time and is recorded as sent then.
     */
    public int closeDue(int limit) {
        Instant now = clock.instant();
        Instant waitedEnough = now.minus(INBOX_WAIT);
        Instant dueBy = inbox.oldestWaitingSince(waitedEnough).filter(now::isAfter).orElse(now);
        List<Long> due = rounds.findDueRoundIds(dueBy, limit);
        List<Future<Boolean>> closings = new ArrayList<>(due.size());
        for (long roundId : due) {
            closings.add(closers.submit(() -> closeOne(roundId)));
        }
        int closed = 0;
        for (Future<Boolean> closingOne : closings) {
            try {
                if (closingOne.get()) {
                    closed++;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closings.forEach(f -> f.cancel(false));
                break;
            } catch (ExecutionException e) {
                log.error("Could not close a round", e.getCause());
            }
        }
        return closed;
    }

    private boolean closeOne(long roundId) {
        try {
            return closing.close(roundId, SCHEDULER, Channel.SYSTEM).isDone();
        } catch (RuntimeException e) {
            // One broken round must not hold up the others; it stays due and is tried again next run.
            log.error("Could not close round {}", roundId, e);
            return false;
        }
    }

    @Override
    public void destroy() {
        closers.shutdownNow();
    }
}
