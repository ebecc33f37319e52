package org.yunxie.core.costshare;

import java.time.Instant;

/**
 * A household's share of a cost share whose rule was met. {@code confirmed} tells whether the household
 * itself confirmed, or is bound by the decision without having done so.
 */
public record LedgerLine(long roundId, long communityId, long householdId, String unitLabel, long amountFen, boolean confirmed,
                         Instant pledgedAt, Instant paidAt, String paidBy, Instant exemptAt, String exemptBy,
                         Instant refundedAt, String refundedBy, String note) {

    public LedgerStatus status() {
        if (refundedAt != null) {
            return LedgerStatus.REFUNDED;
        }
        if (exemptAt != null) {
            return LedgerStatus.EXEMPT;
        }
        return paidAt != null ? LedgerStatus.PAID : LedgerStatus.PLEDGED;
    }
}
