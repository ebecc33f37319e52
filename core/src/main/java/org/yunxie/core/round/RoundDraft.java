package org.yunxie.core.round;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.yunxie.core.costshare.ShareMode;
import org.yunxie.core.rule.DecisionRule;
import org.yunxie.core.rule.RulePreset;

/**
 * What staff fill in to launch a round. Start from {@link #poll}, {@link #costShare} or
 * {@link #proposalCall}; everything else has a default that the builder can change.
 */
public record RoundDraft(long communityId, Long chatGroupId, List<Long> buildingIds, RoundKind kind,
                         String title, String body, List<String> options, int maxChoices, boolean secret,
                         boolean resultsLive, DecisionRule rule, Instant closingAt, List<Duration> reminderOffsets,
                         ShareMode shareMode, Long shareAmountFen, Integer supportThreshold,
                         boolean promoteOnThreshold, Long promotedFromProposalId) {

    /** Reminders a day and two hours before the deadline, unless the round says otherwise. */
    public static final List<Duration> DEFAULT_REMINDERS = List.of(Duration.ofHours(24), Duration.ofHours(2));

    public RoundDraft {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(closingAt, "closingAt");
        buildingIds = List.copyOf(buildingIds);
        options = List.copyOf(options);
        reminderOffsets = List.copyOf(reminderOffsets);
    }

    /** A poll with the default options 同意/反对/弃权, single choice, open ballots, results after close. */
    public static Builder poll(long communityId, Long chatGroupId, String title, Instant closingAt) {
        return new Builder(communityId, chatGroupId, RoundKind.POLL, title, closingAt)
                .rule(DecisionRule.of(RulePreset.SIMPLE_MAJORITY));
    }

    /** A cost share: each household confirms or objects to its amount; coverage is shown live. */
    public static Builder costShare(long communityId, Long chatGroupId, String title, ShareMode mode,
                                    long amountFen, Instant closingAt) {
        Builder builder = new Builder(communityId, chatGroupId, RoundKind.COST_SHARE, title, closingAt)
                .rule(DecisionRule.of(RulePreset.SIXTY_PERCENT_OF_ALL)).secrecy(false, true);
        builder.shareMode = mode;
        builder.shareAmountFen = amountFen;
        return builder;
    }

    /** A call for proposals; a proposal that reaches {@code supportThreshold} supports is flagged. */
    public static Builder proposalCall(long communityId, Long chatGroupId, String title, int supportThreshold,
                                       Instant closingAt) {
        Builder builder = new Builder(communityId, chatGroupId, RoundKind.PROPOSAL_CALL, title, closingAt)
                .secrecy(false, true).reminders(List.of());
        builder.supportThreshold = supportThreshold;
        return builder;
    }

    public static final class Builder {
        private final long communityId;
        private final Long chatGroupId;
        private final RoundKind kind;
        private final String title;
        private final Instant closingAt;
        private List<Long> buildingIds = List.of();
        private String body;
        private List<String> options = List.of();
        private int maxChoices = 1;
        private boolean secret;
        private boolean resultsLive;
        private DecisionRule rule = DecisionRule.of(RulePreset.SIMPLE_MAJORITY);
        private List<Duration> reminderOffsets = DEFAULT_REMINDERS;
        private ShareMode shareMode;
        private Long shareAmountFen;
        private Integer supportThreshold;
        private boolean promoteOnThreshold;
        private Long promotedFromProposalId;

        private Builder(long communityId, Long chatGroupId, RoundKind kind, String title, Instant closingAt) {
            this.communityId = communityId;
            this.chatGroupId = chatGroupId;
            this.kind = kind;
            this.title = title;
            this.closingAt = closingAt;
        }

        public Builder body(String text) {
            this.body = text;
            return this;
        }

        /** The buildings whose households take part; by default those of the chat group. */
        public Builder buildings(List<Long> ids) {
            this.buildingIds = ids;
            return this;
        }

        /** Custom options in order (A, B, C ...), of which a household may choose up to {@code upTo}. */
        public Builder options(List<String> labels, int upTo) {
            this.options = labels;
            this.maxChoices = upTo;
            return this;
        }

        public Builder secrecy(boolean secretBallot, boolean liveResults) {
            this.secret = secretBallot;
            this.resultsLive = liveResults;
            return this;
        }

        public Builder rule(DecisionRule decisionRule) {
            this.rule = decisionRule;
            return this;
        }

        public Builder reminders(List<Duration> offsetsBeforeDeadline) {
            this.reminderOffsets = offsetsBeforeDeadline;
            return this;
        }

        /** For a proposal call: proposals that reach the threshold become draft polls. */
        public Builder promotingOnThreshold() {
            this.promoteOnThreshold = true;
            return this;
        }

        public Builder promotedFrom(long proposalId) {
            this.promotedFromProposalId = proposalId;
            return this;
        }

        public RoundDraft build() {
            return new RoundDraft(communityId, chatGroupId, buildingIds, kind, title, body, options, maxChoices,
                    secret, resultsLive, rule, closingAt, reminderOffsets, shareMode, shareAmountFen,
                    supportThreshold, promoteOnThreshold, promotedFromProposalId);
        }
    }
}
