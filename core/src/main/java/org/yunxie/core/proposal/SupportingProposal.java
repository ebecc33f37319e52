package org.yunxie.core.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.roster.Member;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.shared.SentTime;
import org.yunxie.core.shared.Transactions;

/**
 * A member supports (附议) a proposal for their household, once per household. When the supports reach the
 * call's threshold the proposal is flagged and announced, and promoted into a draft poll if the call says so.
 */
@Service
public class SupportingProposal {

    private final ProposalBox box;
    private final ProposalMapper proposals;
    private final PromotingProposal promoting;
    private final Roster roster;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    SupportingProposal(ProposalBox box, ProposalMapper proposals, PromotingProposal promoting, Roster roster,
                       Outbox outbox, AuditLog audit, Transactions transactions, Clock clock) {
        this.box = box;
        this.proposals = proposals;
        this.promoting = promoting;
        this.roster = roster;
        this.outbox = outbox;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Result<Proposal> support(long communityId, int proposalNumber, long memberId, Long householdId,
                                    Channel channel) {
        return support(communityId, proposalNumber, memberId, householdId, channel, null);
    }

    /**
     * As above, for a message sent at {@code sentAt} and handled later (taken in during a burst): the call
     * takes the support if it was open then, and the support is dated then. Null: sent now.
     */
    public Result<Proposal> support(long communityId, int proposalNumber, long memberId, Long householdId,
                                    Channel channel, Instant sentAt) {
        Member member = roster.member(memberId).orElse(null);
        if (member == null) {
            return Result.refused(RefusalReason.NOT_BOUND);
        }
        return transactions.retrying(() -> supportOnce(communityId, proposalNumber, member, householdId, channel,
                sentAt));
    }

    private Result<Proposal> supportOnce(long communityId, int number, Member member, Long householdId,
                                         Channel channel, Instant sentAt) {
        Instant now = clock.instant();
        Instant sent = SentTime.orNow(sentAt, now);
        Proposal proposal = proposals.findByNumber(communityId, number).orElse(null);
        if (proposal == null) {
            return Result.refused(RefusalReason.PROPOSAL_NOT_FOUND, number);
        }
        if (proposal.answered()) {
            return Result.refused(RefusalReason.ALREADY_RESPONDED, number);
        }
        Result<Round> call = box.callTakingProposals(proposal.roundId(), sent);
        if (call instanceof Result.Refused<Round> refused) {
            return Result.refused(refused.refusal());
        }
        Round round = call.orElseThrow();
        Result<RollHousehold> found = box.householdFor(member.id(), round, householdId);
        if (found instanceof Result.Refused<RollHousehold> refused) {
            return Result.refused(refused.refusal());
        }
        RollHousehold household = found.orElseThrow();
        if (household.householdId() == proposal.householdId()) {
            return Result.refused(RefusalReason.OWN_PROPOSAL, number);
        }
        if (proposals.hasSupport(proposal.id(), household.householdId())) {
            return Result.refused(RefusalReason.ALREADY_SUPPORTED, number, household.unitLabel());
        }
        proposals.insertSupport(proposal.id(), household.householdId(), member.id(), channel, sent);
        audit.of(Actor.member(member.id(), member.displayName()), channel)
                .round(communityId, round.id()).household(household.householdId())
                .record("proposal.supported", "P" + number);
        Proposal supported = proposals.findById(proposal.id()).orElseThrow();
        if (round.supportThreshold() != null && supported.supports() >= round.supportThreshold()
                && proposals.markFlagged(proposal.id(), now) == 1) {
            flag(round, supported);
        }
        return Result.done(proposals.findById(proposal.id()).orElseThrow());
    }

    private void flag(Round round, Proposal proposal) {
        outbox.enqueue(OutboxKind.PROPOSAL_FLAGGED, "flagged:" + proposal.id(), round.id(), round.chatGroupId(),
                Map.of("proposal", proposal.number(), "supports", proposal.supports()));
        audit.of(Actor.system("support-threshold"), Channel.SYSTEM).round(round.communityId(), round.id())
                .record("proposal.flagged", "P" + proposal.number() + " supports=" + proposal.supports());
        if (round.promoteOnThreshold()) {
            promoting.promote(proposal, round, Actor.system("support-threshold"), Channel.SYSTEM);
        }
    }
}
