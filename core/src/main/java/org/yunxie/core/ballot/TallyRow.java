package org.yunxie.core.ballot;

import java.math.BigDecimal;

/** A household on a round's roll with its current choice, or none (both null) when it has not voted. */
record TallyRow(long householdId, String headKey, BigDecimal floorArea, String choice, String sealedChoice) {
}
