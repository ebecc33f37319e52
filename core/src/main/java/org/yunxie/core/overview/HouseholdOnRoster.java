package org.yunxie.core.overview;

import java.math.BigDecimal;

/** A household as the roster page lists it, with how many members are bound and codes are waiting. */
public record HouseholdOnRoster(long id, long buildingId, String buildingName, String unitLabel, BigDecimal floorArea,
                                String ineligibleReason, int members, int unusedCodes) {
}
