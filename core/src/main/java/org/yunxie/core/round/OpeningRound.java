package org.yunxie.core.round;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.costshare.CostSplit;
import org.yunxie.core.notice.NotifyingRemoteMembers;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.HouseholdMapper;
import org.yunxie.core.rule.OwnerHeads;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.shared.Transactions;

/**
 * Opens a drafted round: freezes its rule and its roll (the eligible households of its buildings with the
 * area, owner head and share each is counted with), schedules its reminders and announces it.
 */
@Service
public class OpeningRound {

    private final RoundMapper rounds;
    private final HouseholdMapper households;
    private final Outbox outbox;
    private final NotifyingRemoteMembers remoteMembers;
    private final AuditLog audit;
    private final Clock clock;
    private final Transactions transactions;

    OpeningRound(RoundMapper rounds, HouseholdMapper households, Outbox outbox, NotifyingRemoteMembers remoteMembers,
                 AuditLog audit, Clock clock, Transactions transactions) {
        this.transactions = transactions;
        this.rounds = rounds;
        this.households = households;
        this.outbox = outbox;
        this.remoteMembers = remoteMembers;
        this.audit = audit;
        this.clock = clock;
    }

    public Result<Round> open(long roundId, Actor actor, Channel channel) {
        return transactions.retryingAtDefaultIsolation(() -> openOnce(roundId, actor, channel));
    }

    private Result<Round> openOnce(long roundId, Actor actor, Channel channel) {
        Round round = rounds.lockForChange(roundId).orElse(null);
        Instant now = clock.instant();
        if (round == null) {
            return Result.refused(RefusalReason.ROUND_NOT_FOUND, roundId);
        }
        if (round.state() != RoundState.DRAFT) {
            return Result.refused(round.state() == RoundState.CANCELLED
                    ? RefusalReason.ROUND_CANCELLED : RefusalReason.ROUND_ALREADY_OPENED, round.number());
        }
        if (!round.closingAt().isAfter(now)) {
            return Result.refused(RefusalReason.DEADLINE_PASSED, round.number());
        }
        List<RollHousehold> roll = rollOf(round);
        if (roll.isEmpty()) {
            return Result.refused(RefusalReason.NO_HOUSEHOLDS, round.number());
        }
        rounds.insertRoll(roundId, roll);
        scheduleReminders(round, now);
        rounds.markOpened(roundId, now);
        outbox.enqueue(OutboxKind.ROUND_OPENED, "opened:" + roundId, roundId, round.chatGroupId(),
                Map.of("number", round.number(), "households", roll.size()));
        remoteMembers.roundOpened(round, roll.stream().map(RollHousehold::householdId).toList());
        audit.of(actor, channel).round(round.communityId(), roundId)
                .record("round.opened", "#" + round.number() + " roll=" + roll.size() + " closing=" + round.closingAt());
        return Result.done(rounds.findById(roundId).orElseThrow());
    }

    private List<RollHousehold> rollOf(Round round) {
        List<Household> eligible = households.findByBuildings(rounds.findBuildingIds(round.id())).stream()
                .filter(Household::eligible).toList();
        if (eligible.isEmpty()) {
            return List.of();
        }
        Map<Long, Set<Long>> owners = new HashMap<>();
        eligible.forEach(household -> owners.put(household.id(), new HashSet<>()));
        households.findOwners(owners.keySet())
                .forEach(ownership -> owners.get(ownership.householdId()).add(ownership.memberId()));
        Map<Long, String> heads = OwnerHeads.assign(owners);
        Map<Long, Long> shares = round.kind() == RoundKind.COST_SHARE
                ? CostSplit.split(round.shareMode(), round.shareAmountFen(), eligible.stream()
                        .map(h -> new CostSplit.Payer(h.id(), h.unitLabel(), h.floorArea().movePointRight(2)
                                .longValueExact())).toList())
                : Map.of();
        List<RollHousehold> roll = new ArrayList<>();
        for (Household household : eligible) {
            roll.add(new RollHousehold(household.id(), household.unitLabel(), household.floorArea(),
                    heads.get(household.id()), shares.get(household.id())));
        }
        return roll;
    }

    private void scheduleReminders(Round round, Instant now) {
        Reminders.scheduleFirst(rounds, round, round.closingAt(), now);
    }
}
