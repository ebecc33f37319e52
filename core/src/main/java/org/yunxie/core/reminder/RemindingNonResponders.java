package org.yunxie.core.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.notice.NotifyingRemoteMembers;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.round.DueReminder;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.RoundMapper;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/**
 * Reminds the households that have not responded, by unit label and never by how anyone voted: at the
 * round's offsets before its deadline, or when staff ask. Each scheduled reminder is sent once.
 */
@Service
public class RemindingNonResponders {

    private final RoundMapper rounds;
    private final Ballots ballots;
    private final Outbox outbox;
    private final NotifyingRemoteMembers remoteMembers;
    private final AuditLog audit;
    private final Clock clock;

    RemindingNonResponders(RoundMapper rounds, Ballots ballots, Outbox outbox, NotifyingRemoteMembers remoteMembers,
                           AuditLog audit, Clock clock) {
        this.rounds = rounds;
        this.ballots = ballots;
        this.outbox = outbox;
        this.remoteMembers = remoteMembers;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Queues one due scheduled reminder; returns false if another instance already took it or the round
     * stopped taking responses. The round's shared lock keeps a close from slipping in between.
     */
    @Transactional
    public boolean sendDue(DueReminder due) {
        Instant now = clock.instant();
        Round round = rounds.lockForBallot(due.roundId()).orElse(null);
        if (round == null || !round.isAccepting(now)
                || rounds.markReminderSent(due.roundId(), due.offsetMinutes(), now) == 0) {
            return false;
        }
        queue(round, "reminder:" + round.id() + ":" + due.offsetMinutes() + ":" + due.dueAt().toEpochMilli(),
                Actor.system("reminder"), Channel.SYSTEM);
        return true;
    }

    public List<DueReminder> due(int limit) {
        return rounds.findDueReminders(clock.instant(), limit);
    }

    /** Staff remind now ("#催办 12"); returns the unit labels reminded. */
    @Transactional
    public Result<List<String>> remindNow(long roundId, Actor staff, Channel channel) {
        Round round = rounds.findById(roundId).orElse(null);
        Instant now = clock.instant();
        if (round == null) {
            return Result.refused(RefusalReason.ROUND_NOT_FOUND, roundId);
        }
        if (round.kind() == RoundKind.PROPOSAL_CALL) {
            return Result.refused(RefusalReason.WRONG_ROUND_KIND, round.number(), round.kind());
        }
        if (!round.isAccepting(now)) {
            return Result.refused(round.whyNotAccepting(), round.number());
        }
        // One reminder per minute at most: a second press of the button does not post twice.
        return Result.done(queue(round, "reminder:" + roundId + ":now:" + now.getEpochSecond() / 60, staff, channel));
    }

    private List<String> queue(Round round, String dedupeKey, Actor actor, Channel channel) {
        List<RollHousehold> roll = rounds.findRoll(round.id());
        Set<Long> responded = new HashSet<>(ballots.respondedHouseholds(round.id()));
        List<RollHousehold> waiting = roll.stream().filter(entry -> !responded.contains(entry.householdId())).toList();
        List<String> pending = waiting.stream().map(RollHousehold::unitLabel).toList();
        if (!pending.isEmpty()) {
            outbox.enqueue(OutboxKind.REMINDER, dedupeKey, round.id(), round.chatGroupId(), Map.of(
                    "number", round.number(), "pending", pending, "total", roll.size(),
                    "closingAt", round.closingAt().toString()));
            remoteMembers.reminder(round, waiting.stream().map(RollHousehold::householdId).toList(), dedupeKey);
        }
        audit.of(actor, channel).round(round.communityId(), round.id())
                .record("round.reminded", pending.size() + " of " + roll.size() + " pending");
        return pending;
    }
}
