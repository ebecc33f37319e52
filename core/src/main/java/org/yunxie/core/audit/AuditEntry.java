package org.yunxie.core.audit;

import java.time.Instant;

import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;

/** One line of the append-only audit log: who did what, when, through which channel. */
public record AuditEntry(Long id, Instant occurredAt, Long communityId, Long roundId, Long householdId,
                         Actor.Kind actorKind, String actorId, String actorName, Channel channel,
                         String action, String detail) {
}
