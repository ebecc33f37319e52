package org.yunxie.core.round;

import java.time.Instant;

/** A reminder of a round that is due and not yet sent. */
public record DueReminder(long roundId, int offsetMinutes, Instant dueAt) {
}
