package org.yunxie.core.ballot;

import java.util.List;

import org.yunxie.core.round.Round;
import org.yunxie.core.rule.OptionSpec;

/**
 * What a reply reads back after a ballot or pledge: the round, the household, what was recorded, the
 * receipt code, whether it replaced an earlier choice, and in a cost share the household's amount.
 */
public record BallotRecorded(Round round, long householdId, String unitLabel, List<OptionSpec> chosen,
                             String receipt, boolean changed, Long shareFen) {

    public BallotRecorded {
        chosen = List.copyOf(chosen);
    }
}
