package org.yunxie.core.round;

import java.math.BigDecimal;

import org.yunxie.core.rule.RollEntry;

/** A household on a round's roll, as frozen when the round opened. */
public record RollHousehold(long householdId, String unitLabel, BigDecimal floorArea, String headKey,
                            Long shareFen) {

    public RollEntry toEntry() {
        return new RollEntry(householdId, headKey, floorArea.movePointRight(2).longValueExact());
    }
}
