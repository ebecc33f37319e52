package org.yunxie.core.ballot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunxie.core.round.Round;
import org.yunxie.core.rule.RollEntry;

/**
 * The rolls of opened rounds, read once per instance. A roll is written in the transaction that opens its
 * round and never changes after, so a copy read from committed data can never be stale; counting then reads
 * only the ballots.
 * A round not yet opened is read every time. The least recently counted rolls make room for new ones.
 */
@Component
class OpenedRolls {

    /** About 100 bytes each: some 20 MB at most, enough for every open round of a district's busy day. */
    static final int MAX_ENTRIES = 200_000;

    private final BallotMapper ballots;
    private final int maxEntries;
    private final Map<Long, List<RollEntry>> kept = new LinkedHashMap<>(64, 0.75f, true);
    private int keptEntries;

    @Autowired
    OpenedRolls(BallotMapper ballots) {
        this(ballots, MAX_ENTRIES);
    }

    OpenedRolls(BallotMapper ballots, int maxEntries) {
        this.ballots = ballots;
        this.maxEntries = maxEntries;
    }

    List<RollEntry> of(Round round) {
        if (round.openedAt() == null) {
            return read(round.id());
        }
        synchronized (this) {
            List<RollEntry> roll = kept.get(round.id());
            if (roll != null) {
                return roll;
            }
        }
        List<RollEntry> roll = read(round.id());
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Read inside a transaction (the one opening the round, even): kept only once that has committed.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    keep(round.id(), roll);
                }
            });
        } else {
            keep(round.id(), roll);
        }
        return roll;
    }

    private synchronized void keep(long roundId, List<RollEntry> roll) {
        if (roll.size() > maxEntries || kept.containsKey(roundId)) {
            return;
        }
        kept.put(roundId, roll);
        keptEntries += roll.size();
        var eldest = kept.entrySet().iterator();
        while (keptEntries > maxEntries && eldest.hasNext()) {
            keptEntries -= eldest.next().getValue().size();
            eldest.remove();
        }
    }

    synchronized boolean keeps(long roundId) {
        return kept.containsKey(roundId);
    }

    private List<RollEntry> read(long roundId) {
        return ballots.findRollRows(roundId).stream()
                .map(row -> new RollEntry(row.householdId(), row.headKey(),
                        row.floorArea().movePointRight(2).longValueExact()))
                .toList();
    }
}
