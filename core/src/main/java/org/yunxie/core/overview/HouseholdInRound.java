package org.yunxie.core.overview;

import java.math.BigDecimal;
import java.time.Instant;

import org.yunxie.core.ballot.OfflineKind;
import org.yunxie.core.costshare.LedgerStatus;
import org.yunxie.core.shared.Channel;

/**
 * A household on a round's roll as the console lists it: whether it responded, how, and its ledger line.
 * {@code choice} is only ever the stored open choice: in a secret round the database holds it sealed and
 * this stays null, so no console page or export can show who chose what.
 */
public record HouseholdInRound(long householdId, String unitLabel, String buildingName, BigDecimal floorArea,
                               Long shareFen, Instant castAt, String choice, Channel channel,
                               OfflineKind offlineKind, String evidence, String enteredBy, Boolean ledgerConfirmed,
                               Instant paidAt, Instant exemptAt, Instant refundedAt) {

    public boolean responded() {
        return castAt != null;
    }

    /** The ledger status, or null when the round has no ledger line for the household. */
    public LedgerStatus ledgerStatus() {
        if (ledgerConfirmed == null) {
            return null;
        }
        if (refundedAt != null) {
            return LedgerStatus.REFUNDED;
        }
        if (exemptAt != null) {
            return LedgerStatus.EXEMPT;
        }
        return paidAt != null ? LedgerStatus.PAID : LedgerStatus.PLEDGED;
    }
}
