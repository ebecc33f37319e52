package org.yunxie.core.round;

public enum RoundKind {
    /** 表决: households choose among options. */
    POLL,
    /** 征集提案: households submit proposals and support others'. */
    PROPOSAL_CALL,
    /** 费用分摊: households confirm or object to their share of a cost. */
    COST_SHARE
}
