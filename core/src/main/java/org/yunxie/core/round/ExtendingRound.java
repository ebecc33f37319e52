package org.yunxie.core.round;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/** Staff move a round's deadline later, with a reason; unsent reminders move with it. */
@Service
public class ExtendingRound {

    private final RoundMapper rounds;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    ExtendingRound(RoundMapper rounds, Outbox outbox, AuditLog audit, Clock clock) {
        this.rounds = rounds;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result<Round> extend(long roundId, Instant newClosingAt, String reason, Actor actor, Channel channel) {
        Round round = rounds.lockForChange(roundId).orElse(null);
        if (round == null) {
            return Result.refused(RefusalReason.ROUND_NOT_FOUND, roundId);
        }
        if (round.state() == RoundState.CLOSED || round.state() == RoundState.CANCELLED) {
            return Result.refused(round.state() == RoundState.CLOSED
                    ? RefusalReason.ROUND_CLOSED : RefusalReason.ROUND_CANCELLED, round.number());
        }
        if (reason == null || reason.isBlank()) {
            return Result.refused(RefusalReason.REASON_MISSING, round.number());
        }
        if (!newClosingAt.isAfter(round.closingAt()) || !newClosingAt.isAfter(clock.instant())) {
            return Result.refused(RefusalReason.DEADLINE_NOT_LATER, round.number(), round.closingAt());
        }
        rounds.moveDeadline(roundId, newClosingAt);
        Reminders.schedule(rounds, round, newClosingAt, clock.instant());
        if (round.state() == RoundState.OPEN) {
            outbox.enqueue(OutboxKind.ROUND_EXTENDED, "extended:" + roundId + ":" + newClosingAt.toEpochMilli(),
                    roundId, round.chatGroupId(), Map.of("number", round.number(),
                            "closingAt", newClosingAt.toString(), "reason", reason.strip()));
        }
        audit.of(actor, channel).round(round.communityId(), roundId)
                .record("round.extended", round.closingAt() + " -> " + newClosingAt + ": " + reason.strip());
        return Result.done(rounds.findById(roundId).orElseThrow());
    }
}
