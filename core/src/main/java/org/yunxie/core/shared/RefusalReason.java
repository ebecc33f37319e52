package org.yunxie.core.shared;

import java.util.Locale;

/**
 * Why a use case declined to act. Each reason has a message key the channels
 * render in the reader's language ({@code refusal.round_closed}, ...).
 */
public enum RefusalReason {
    ROUND_NOT_FOUND,
    NO_OPEN_ROUND,
    ROUND_AMBIGUOUS,
    ROUND_NOT_OPEN,
    ROUND_CLOSED,
    ROUND_CANCELLED,
    ROUND_ALREADY_OPENED,
    TITLE_MISSING,
    OPTIONS_INVALID,
    AMOUNT_INVALID,
    GROUP_NOT_FOUND,
    DEADLINE_PASSED,
    DEADLINE_NOT_LATER,
    WRONG_ROUND_KIND,
    NOT_BOUND,
    NOT_IN_ROUND,
    HOUSEHOLD_AMBIGUOUS,
    HOUSEHOLD_NOT_FOUND,
    OPTION_UNKNOWN,
    TOO_MANY_CHOICES,
    NO_CHOICE,
    ALREADY_VOTED_BY_HOUSEHOLD,
    SUPERSEDED,
    EVIDENCE_MISSING,
    CODE_UNKNOWN,
    CODE_USED,
    CODE_EXPIRED,
    ALREADY_BOUND,
    RULE_FROZEN,
    NO_HOUSEHOLDS,
    PROPOSAL_NOT_FOUND,
    PROPOSAL_EMPTY,
    OWN_PROPOSAL,
    ALREADY_SUPPORTED,
    ALREADY_RESPONDED,
    MERGE_TARGET_MISSING,
    REASON_MISSING,
    LEDGER_LINE_NOT_FOUND,
    LEDGER_TRANSITION_NOT_ALLOWED,
    USERNAME_INVALID,
    USERNAME_TAKEN,
    PASSWORD_TOO_WEAK,
    PASSWORD_WRONG,
    ROLE_NOT_ALLOWED,
    NAME_MISSING,
    FILE_UNREADABLE;

    public String messageKey() {
        return "refusal." + name().toLowerCase(Locale.ROOT);
    }
}
