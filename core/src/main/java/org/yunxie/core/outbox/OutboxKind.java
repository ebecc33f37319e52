package org.yunxie.core.outbox;

/** What a message announces to a group or a member. */
public enum OutboxKind {
    ROUND_OPENED, ROUND_EXTENDED, ROUND_CANCELLED, REMINDER, OUTCOME, PROPOSAL_FLAGGED,
    /** How many households of a cost share have confirmed so far, when pledges arrive from outside the group. */
    COVERAGE
}
