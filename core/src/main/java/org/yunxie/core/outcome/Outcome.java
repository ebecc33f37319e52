package org.yunxie.core.outcome;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.yunxie.core.rule.Verdict;

/**
 * The decided result of a round, with every figure it was decided on: the rule as frozen, the eligible and
 * participating households, heads and area, and the support behind each option.
 */
public record Outcome(long id, long roundId, Instant decidedAt, boolean passed, Verdict verdict,
                      String adoptedOptions, String ruleSummary,
                      int eligibleHouseholds, int eligibleHeads, BigDecimal eligibleArea,
                      int participatingHouseholds, int participatingHeads, BigDecimal participatingArea,
                      List<OptionFigures> options) {

    Outcome withId(long newId) {
        return new Outcome(newId, roundId, decidedAt, passed, verdict, adoptedOptions, ruleSummary, eligibleHouseholds,
                eligibleHeads, eligibleArea, participatingHouseholds, participatingHeads, participatingArea, options);
    }

    /** Support behind one option. */
    public record OptionFigures(int position, int households, int heads, BigDecimal area) {
    }
}
