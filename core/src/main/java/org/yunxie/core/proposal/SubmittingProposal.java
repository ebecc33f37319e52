package org.yunxie.core.proposal;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.roster.CommunityMapper;
import org.yunxie.core.roster.Member;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.shared.SentTime;
import org.yunxie.core.shared.Transactions;

/** A member submits a proposal for their household to an open proposal call. */
@Service
public class SubmittingProposal {

    static final int MAX_LENGTH = 1000;

    private final ProposalBox box;
    private final ProposalMapper proposals;
    private final CommunityMapper communities;
    private final Roster roster;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    SubmittingProposal(ProposalBox box, ProposalMapper proposals, CommunityMapper communities, Roster roster,
                       AuditLog audit, Transactions transactions, Clock clock) {
        this.box = box;
        this.proposals = proposals;
        this.communities = communities;
        this.roster = roster;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Result<Proposal> submit(long roundId, long memberId, Long householdId, String text, Channel channel) {
        return submit(roundId, memberId, householdId, text, channel, null);
    }

    /**
     * As above, for a message sent at {@code sentAt} and submitted later (taken in during a burst): the call
     * takes it if it was open then, and the proposal is dated then. Null: sent now.
     */
    public Result<Proposal> submit(long roundId, long memberId, Long householdId, String text, Channel channel,
                                   Instant sentAt) {
        String body = text == null ? "" : text.strip();
        if (body.isEmpty() || body.length() > MAX_LENGTH) {
            return Result.refused(RefusalReason.PROPOSAL_EMPTY, MAX_LENGTH);
        }
        Member member = roster.member(memberId).orElse(null);
        if (member == null) {
            return Result.refused(RefusalReason.NOT_BOUND);
        }
        return transactions.retrying(() -> submitOnce(roundId, member, householdId, body, channel, sentAt));
    }

    private Result<Proposal> submitOnce(long roundId, Member member, Long householdId, String body, Channel channel,
                                        Instant sentAt) {
        Instant sent = SentTime.orNow(sentAt, clock.instant());
        Result<Round> call = box.callTakingProposals(roundId, sent);
        if (call instanceof Result.Refused<Round> refused) {
            return Result.refused(refused.refusal());
        }
        Round round = call.orElseThrow();
        Result<RollHousehold> household = box.householdFor(member.id(), round, householdId);
        if (household instanceof Result.Refused<RollHousehold> refused) {
            return Result.refused(refused.refusal());
        }
        communities.bumpProposalNumber(round.communityId());
        int number = communities.lastProposalNumber(round.communityId());
        NewId id = new NewId();
        proposals.insert(new Proposal(0, round.communityId(), number, roundId, household.orElseThrow().householdId(),
                null, member.id(), channel, body, sent, null, null, null, null, null, null, null, 0), id);
        audit.of(Actor.member(member.id(), member.displayName()), channel)
                .round(round.communityId(), roundId).household(household.orElseThrow().householdId())
                .record("proposal.submitted", "P" + number + ": " + body);
        return Result.done(proposals.findById(id.value()).orElseThrow());
    }
}
