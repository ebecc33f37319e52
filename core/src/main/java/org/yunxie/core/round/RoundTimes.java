package org.yunxie.core.round;

import java.time.Instant;

/** The columns of a round that still change once it has opened: its state and deadline. */
record RoundTimes(long id, Instant openedAt, Instant closingAt, Instant closedAt, Instant cancelledAt,
                  String cancelReason, Instant outcomePublishedAt) {
}
