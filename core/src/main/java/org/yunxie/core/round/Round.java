package org.yunxie.core.round;

import java.time.Instant;

import org.yunxie.core.costshare.ShareMode;
import org.yunxie.core.rule.Base;
import org.yunxie.core.rule.DecisionRule;
import org.yunxie.core.rule.HeadCounting;
import org.yunxie.core.rule.RulePreset;
import org.yunxie.core.rule.Threshold;
import org.yunxie.core.shared.RefusalReason;

/** A consultation round as stored; its state reads from the *_at columns. */
public record Round(long id, long communityId, int number, Long chatGroupId, RoundKind kind, String title,
                    String body, boolean secret, boolean resultsLive, int maxChoices,
                    RulePreset rulePreset, HeadCounting ruleHeads, Base ruleBase,
                    Threshold participationHeads, Threshold participationArea,
                    Threshold approvalHeads, Threshold approvalArea,
                    ShareMode shareMode, Long shareAmountFen, Integer supportThreshold,
                    boolean promoteOnThreshold, String reminderOffsets, Long promotedFromProposalId,
                    String createdBy, Instant createdAt, Instant openedAt, Instant closingAt, Instant closedAt,
                    Instant cancelledAt, String cancelReason, Instant outcomePublishedAt) {

    public RoundState state() {
        if (cancelledAt != null) {
            return RoundState.CANCELLED;
        }
        if (closedAt != null) {
            return RoundState.CLOSED;
        }
        return openedAt != null ? RoundState.OPEN : RoundState.DRAFT;
    }

    /** Open and before its deadline: ballots, pledges, proposals and supports are accepted. */
    public boolean isAccepting(Instant now) {
        return state() == RoundState.OPEN && now.isBefore(closingAt);
    }

    /** Why a round that is not accepting refuses: not open yet, cancelled, or closed (deadline passed). */
    public RefusalReason whyNotAccepting() {
        return switch (state()) {
            case DRAFT -> RefusalReason.ROUND_NOT_OPEN;
            case CANCELLED -> RefusalReason.ROUND_CANCELLED;
            default -> RefusalReason.ROUND_CLOSED;
        };
    }

    public DecisionRule rule() {
        return new DecisionRule(rulePreset, ruleHeads, ruleBase,
                participationHeads, participationArea, approvalHeads, approvalArea);
    }

    /**
     * Whether counts per option may be shown now. Secret rounds show them only after close: live counts
     * that move with each ballot would tell watchers how the household that just voted chose.
     */
    public boolean showsResultsNow() {
        return state() == RoundState.CLOSED || (resultsLive && !secret);
    }
}
