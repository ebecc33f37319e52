package org.yunxie.core.round;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.roster.CommunityMapper;
import org.yunxie.core.rule.DecisionRule;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;
import org.yunxie.core.shared.Refusal;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.shared.Transactions;

/** Staff draft a round: it gets its number at once, so it can be discussed before it opens. */
@Service
public class DraftingRound {

    static final int MAX_OPTIONS = 10;

    private final RoundMapper rounds;
    private final CommunityMapper communities;
    private final ChatGroups groups;
    private final AuditLog audit;
    private final Clock clock;
    private final Transactions transactions;

    DraftingRound(RoundMapper rounds, CommunityMapper communities, ChatGroups groups, AuditLog audit, Clock clock,
                  Transactions transactions) {
        this.transactions = transactions;
        this.rounds = rounds;
        this.communities = communities;
        this.groups = groups;
        this.audit = audit;
        this.clock = clock;
    }

    public Result<Round> draft(RoundDraft draft, Actor actor, Channel channel) {
        return transactions.retryingAtDefaultIsolation(() -> draftOnce(draft, actor, channel));
    }

    private Result<Round> draftOnce(RoundDraft draft, Actor actor, Channel channel) {
        Instant now = clock.instant();
        Optional<Refusal> problem = problemWith(draft, now);
        if (problem.isPresent()) {
            return Result.refused(problem.get());
        }
        List<Long> scope = draft.buildingIds();
        if (scope.isEmpty()) {
            ChatGroup group = draft.chatGroupId() == null ? null : groups.find(draft.chatGroupId())
                    .filter(found -> found.communityId() == draft.communityId()).orElse(null);
            if (group == null) {
                return Result.refused(RefusalReason.GROUP_NOT_FOUND);
            }
            scope = groups.buildingIds(group.id());
        }
        communities.bumpRoundNumber(draft.communityId());
        int number = communities.lastRoundNumber(draft.communityId());
        DecisionRule rule = draft.rule();
        Round round = new Round(0, draft.communityId(), number, draft.chatGroupId(), draft.kind(),
                draft.title().strip(), draft.body(), draft.secret(), draft.resultsLive(), draft.maxChoices(),
                rule.preset(), rule.heads(), rule.base(), rule.participationHeads(), rule.participationArea(),
                rule.approvalHeads(), rule.approvalArea(), draft.shareMode(), draft.shareAmountFen(),
                draft.supportThreshold(), draft.promoteOnThreshold(), minutes(draft.reminderOffsets()),
                draft.promotedFromProposalId(), actor.label(), now, null, draft.closingAt(), null, null, null, null);
        NewId id = new NewId();
        rounds.insert(round, id);
        for (OptionSpec option : DefaultOptions.of(draft.kind(), draft.options())) {
            rounds.insertOption(id.value(), option);
        }
        scope.forEach(building -> rounds.insertBuilding(id.value(), building));
        audit.of(actor, channel).round(draft.communityId(), id.value())
                .record("round.drafted", "#" + number + " " + draft.kind() + " " + round.title()
                        + " rule=" + rule.summary());
        return Result.done(rounds.findById(id.value()).orElseThrow());
    }

    private static Optional<Refusal> problemWith(RoundDraft draft, Instant now) {
        if (draft.title() == null || draft.title().isBlank()) {
            return Optional.of(Refusal.of(RefusalReason.TITLE_MISSING));
        }
        if (!draft.closingAt().isAfter(now)) {
            return Optional.of(Refusal.of(RefusalReason.DEADLINE_PASSED));
        }
        boolean custom = !draft.options().isEmpty();
        int optionCount = DefaultOptions.of(draft.kind(), draft.options()).size();
        boolean badOptions = custom && (draft.kind() != RoundKind.POLL || optionCount < 2
                || optionCount > MAX_OPTIONS || draft.options().stream().anyMatch(l -> l == null || l.isBlank()));
        boolean badChoices = draft.maxChoices() < 1 || (custom ? draft.maxChoices() > optionCount
                : draft.maxChoices() != 1);
        if (badOptions || badChoices) {
            return Optional.of(Refusal.of(RefusalReason.OPTIONS_INVALID));
        }
        if (draft.kind() == RoundKind.COST_SHARE
                && (draft.shareMode() == null || draft.shareAmountFen() == null || draft.shareAmountFen() <= 0)) {
            return Optional.of(Refusal.of(RefusalReason.AMOUNT_INVALID));
        }
        return Optional.empty();
    }

    private static String minutes(List<Duration> offsets) {
        return offsets.stream().map(offset -> Long.toString(offset.toMinutes())).collect(Collectors.joining(","));
    }
}
