package org.yunxie.core.roster;

import java.math.BigDecimal;
import java.time.Instant;

/** One unit, e.g. 7-2-301: the unit of voting. Unsold or vacant units carry an ineligible reason. */
public record Household(long id, long communityId, long buildingId, String unitLabel, BigDecimal floorArea,
                        String ineligibleReason, Instant createdAt) {

    public boolean eligible() {
        return ineligibleReason == null;
    }
}
