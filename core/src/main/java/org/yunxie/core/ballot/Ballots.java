package org.yunxie.core.ballot;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.yunxie.core.round.Round;
import org.yunxie.core.rule.Tally;
import org.yunxie.core.shared.InsertedAtCommit;

/**
 * Reads ballots for replies and the console, keeping secret rounds secret: their choices are only ever
 * shown back to the household itself.
 */
@Service
public class Ballots {

    private final BallotMapper mapper;
    private final CountingBallots counting;
    private final LiveTally liveTally;
    private final InsertedAtCommit atCommit;

    Ballots(BallotMapper mapper, CountingBallots counting, LiveTally liveTally, InsertedAtCommit atCommit) {
        this.mapper = mapper;
        this.counting = counting;
        this.liveTally = liveTally;
        this.atCommit = atCommit;
    }

    /** The household's own current choice (option keys), for "#我的"; the caller has checked the binding. */
    public Optional<String> ownChoice(Round round, long householdId) {
        return mapper.findCurrent(round.id(), householdId).map(ballot -> counting.keysOf(round, ballot));
    }

    public Optional<String> receipt(long roundId, long householdId) {
        return mapper.findReceipt(roundId, householdId);
    }

    /** The household a receipt code belongs to, if any; never what it chose. */
    public Optional<Long> householdOfReceipt(long roundId, String code) {
        return mapper.findHouseholdByReceipt(roundId, code.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** Every cast of a household, oldest first; in a secret round without what was chosen. */
    public List<Ballot> history(Round round, long householdId) {
        atCommit.flush();
        List<Ballot> history = mapper.findHistory(round.id(), householdId);
        if (!round.secret()) {
            return history;
        }
        return history.stream().map(b -> new Ballot(b.id(), b.roundId(), b.householdId(), null, null, b.memberId(),
                b.channel(), b.offlineKind(), b.evidence(), b.enteredBy(), b.castAt())).toList();
    }

    /** Households that have a current ballot; who took part is visible even in secret rounds. */
    public List<Long> respondedHouseholds(long roundId) {
        return mapper.findCurrentOfRound(roundId).stream().map(Ballot::householdId).toList();
    }

    /** The live tally, from the cache when it can be. Callers check {@link Round#showsResultsNow()}. */
    public Tally tally(Round round) {
        return liveTally.of(round);
    }
}
