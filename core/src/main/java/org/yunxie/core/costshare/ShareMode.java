package org.yunxie.core.costshare;

/** How a cost share sets each household's amount. */
public enum ShareMode {
    /** Every household pays the amount. */
    PER_HOUSEHOLD,
    /** The amount is a total, split equally. */
    TOTAL_EQUAL,
    /** The amount is a total, split in proportion to floor area. */
    TOTAL_BY_AREA
}
