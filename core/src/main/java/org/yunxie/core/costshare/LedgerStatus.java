package org.yunxie.core.costshare;

/** Where a household's share stands. Pledged shares get paid or exempted; paid ones may be refunded. */
public enum LedgerStatus {
    PLEDGED, PAID, EXEMPT, REFUNDED;

    boolean canMoveTo(LedgerStatus target) {
        return (this == PLEDGED && (target == PAID || target == EXEMPT)) || (this == PAID && target == REFUNDED);
    }
}
