package org.yunxie.core.account;

/** Something a console account may change in a community. Reading needs none: every role of it may read. */
public enum Capability {
    RUN_ROUNDS,
    KEEP_LEDGER,
    KEEP_ROSTER,
    KEEP_GROUPS,
    ANSWER_PROPOSALS,
    PROMOTE_PROPOSALS,
    MANAGE_ACCOUNTS
}
