package org.yunxie.core.outbox;

import java.time.Instant;

/**
 * A message waiting to be posted, to a chat group or (a notice) to one member. {@code payload} is a small
 * JSON object with the facts that may change later (a reminder's list of unit labels at the time);
 * everything else the publisher reads fresh.
 */
public record OutboxMessage(long id, String dedupeKey, OutboxKind kind, Long roundId, Long chatGroupId,
                            Long memberId, String payload, Instant createdAt, int attempts) {
}
