package org.yunxie.core.costshare;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

/** The cost-share ledger: opened when a cost share's rule is met, read by the console and "#我的". */
@Service
public class Ledger {

    private final LedgerMapper mapper;

    Ledger(LedgerMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Writes a line for every household on the roll, in the closing transaction: the decision binds them
     * all, and {@code confirmedHouseholds} tells who confirmed themselves.
     */
    public void open(long roundId, Map<Long, Long> shareByHousehold, Set<Long> confirmedHouseholds, Instant at) {
        shareByHousehold.forEach((household, amount) ->
                mapper.insert(roundId, household, amount, confirmedHouseholds.contains(household), at));
    }

    public List<LedgerLine> ofRound(long roundId) {
        return mapper.findByRound(roundId);
    }

    public Optional<LedgerLine> line(long roundId, long householdId) {
        return mapper.find(roundId, householdId);
    }
}
