package org.yunxie.core.outcome;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.yunxie.core.round.RoundMapper;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;

/**
 * Closes every open round whose deadline has passed, including those that fell due while no instance was
 * running. Safe to run anywhere and twice: each round is closed by whichever closer gets there first.
 */
@Service
public class ClosingDueRounds {

    private static final Logger log = LoggerFactory.getLogger(ClosingDueRounds.class);
    private static final Actor SCHEDULER = Actor.system("closing-job");

    private final RoundMapper rounds;
    private final ClosingRound closing;
    private final Clock clock;

    ClosingDueRounds(RoundMapper rounds, ClosingRound closing, Clock clock) {
        this.rounds = rounds;
        this.closing = closing;
        this.clock = clock;
    }

    /** Closes up to {@code limit} due rounds; returns how many this call closed. */
    public int closeDue(int limit) {
        List<Long> due = rounds.findDueRoundIds(clock.instant(), limit);
        int closed = 0;
        for (long roundId : due) {
            try {
                if (closing.close(roundId, SCHEDULER, Channel.SYSTEM).isDone()) {
                    closed++;
                }
            } catch (RuntimeException e) {
                // One broken round must not hold up the others; it stays due and is tried again next run.
                log.error("Could not close round {}", roundId, e);
            }
        }
        return closed;
    }
}
