package org.yunxie.core.proposal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.round.DraftingRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/**
 * Turns a proposal into a draft poll in the same group, with the call's rule; staff review and open it.
 * A week's deadline is proposed, which staff can change before opening.
 */
@Service
public class PromotingProposal {

    static final Duration PROPOSED_DURATION = Duration.ofDays(7);
    private static final int TITLE_LENGTH = 200;

    private final ProposalMapper proposals;
    private final Rounds rounds;
    private final DraftingRound drafting;
    private final AuditLog audit;
    private final Clock clock;

    PromotingProposal(ProposalMapper proposals, Rounds rounds, DraftingRound drafting, AuditLog audit, Clock clock) {
        this.proposals = proposals;
        this.rounds = rounds;
        this.drafting = drafting;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result<Round> promote(long communityId, int proposalNumber, Actor staff, Channel channel) {
        Proposal proposal = proposals.findByNumber(communityId, proposalNumber).orElse(null);
        if (proposal == null) {
            return Result.refused(RefusalReason.PROPOSAL_NOT_FOUND, proposalNumber);
        }
        if (proposal.promotedRoundId() != null) {
            return Result.done(rounds.find(proposal.promotedRoundId()).orElseThrow());
        }
        return promote(proposal, rounds.find(proposal.roundId()).orElseThrow(), staff, channel);
    }

    Result<Round> promote(Proposal proposal, Round call, Actor actor, Channel channel) {
        String title = proposal.body().length() > TITLE_LENGTH
                ? proposal.body().substring(0, TITLE_LENGTH) : proposal.body();
        RoundDraft draft = RoundDraft.poll(call.communityId(), call.chatGroupId(), title,
                        clock.instant().plus(PROPOSED_DURATION))
                .buildings(rounds.buildingIds(call.id()))
                .rule(call.rule())
                .promotedFrom(proposal.id())
                .build();
        Result<Round> drafted = drafting.draft(draft, actor, channel);
        if (drafted instanceof Result.Done<Round> done && proposals.markPromoted(proposal.id(), done.value().id()) == 1) {
            audit.of(actor, channel).round(call.communityId(), call.id())
                    .record("proposal.promoted", "P" + proposal.number() + " -> #" + done.value().number());
        }
        return drafted;
    }
}
