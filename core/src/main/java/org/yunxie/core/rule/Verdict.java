package org.yunxie.core.rule;

/** How a round was decided. */
public enum Verdict {
    PASSED,
    /** Nobody took part. */
    NO_PARTICIPATION,
    /** Too few households or too little area took part. */
    NO_QUORUM,
    /** Enough took part, but no option reached the approval thresholds. */
    NOT_APPROVED,
    /** Two options reached the thresholds with equal support in a single-choice round. */
    TIE,
    /** A proposal call: nothing to decide, proposals were collected. */
    COLLECTED
}
