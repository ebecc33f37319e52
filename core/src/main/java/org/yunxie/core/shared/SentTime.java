package org.yunxie.core.shared;

import java.time.Instant;

/**
 * The time a message is judged at: when it was sent, for one handled later than it came (taken in during a
 * burst, or after a restart), so that a deadline that passed meanwhile does not turn it away; else now.
 */
public final class SentTime {

    private SentTime() {
    }

    /** {@code sentAt} when given and already past, else {@code now}. */
    public static Instant orNow(Instant sentAt, Instant now) {
        return sentAt != null && sentAt.isBefore(now) ? sentAt : now;
    }
}
