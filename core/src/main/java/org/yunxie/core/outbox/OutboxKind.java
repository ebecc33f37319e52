package org.yunxie.core.outbox;

/** What a message announces to a group. */
public enum OutboxKind { ROUND_OPENED, ROUND_EXTENDED, ROUND_CANCELLED, REMINDER, OUTCOME, PROPOSAL_FLAGGED }
