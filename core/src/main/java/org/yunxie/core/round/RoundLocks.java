package org.yunxie.core.round;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The shared lock on a round that every ballot, proposal and reminder holds until it commits: closing takes
 * the exclusive lock, so it waits for those under way and every later one sees the round closed. Under the lock
 * only the columns that still change are read; the rest of an opened round comes from memory, which saves
 * mapping some thirty columns for every ballot.
 */
@Component
public class RoundLocks {

    private final RoundMapper mapper;
    private final OpenedRounds opened;

    RoundLocks(RoundMapper mapper, OpenedRounds opened) {
        this.mapper = mapper;
        this.opened = opened;
    }

    /** The round as it is now, under the shared lock; empty when there is no such round. */
    public Optional<Round> lockForBallot(long roundId) {
        return mapper.lockTimesForBallot(roundId)
                .flatMap(times -> opened.find(roundId).map(round -> round.withTimes(times)));
    }
}
