package org.yunxie.core.ballot;

import java.math.BigDecimal;

/** A household on a round's roll as counting reads it. */
record RollRow(long householdId, String headKey, BigDecimal floorArea) {
}
