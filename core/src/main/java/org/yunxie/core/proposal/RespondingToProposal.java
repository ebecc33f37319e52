package org.yunxie.core.proposal;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/**
 * Staff answer a proposal: accepted, merged into another, or declined with a reason. Every proposal must
 * get one answer; unanswered ones are counted on the dashboard.
 */
@Service
public class RespondingToProposal {

    private final ProposalMapper proposals;
    private final AuditLog audit;
    private final Clock clock;

    RespondingToProposal(ProposalMapper proposals, AuditLog audit, Clock clock) {
        this.proposals = proposals;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result<Proposal> respond(long communityId, int number, ProposalResponse response, String note,
                                    Integer mergedIntoNumber, Actor staff, Channel channel) {
        Proposal proposal = proposals.findByNumber(communityId, number).orElse(null);
        if (proposal == null) {
            return Result.refused(RefusalReason.PROPOSAL_NOT_FOUND, number);
        }
        if (proposal.answered()) {
            return Result.refused(RefusalReason.ALREADY_RESPONDED, number);
        }
        if (response == ProposalResponse.DECLINED && (note == null || note.isBlank())) {
            return Result.refused(RefusalReason.REASON_MISSING, number);
        }
        Long mergedInto = null;
        if (response == ProposalResponse.MERGED) {
            if (mergedIntoNumber == null || mergedIntoNumber == number) {
                return Result.refused(RefusalReason.MERGE_TARGET_MISSING, number);
            }
            Proposal target = proposals.findByNumber(communityId, mergedIntoNumber).orElse(null);
            if (target == null) {
                return Result.refused(RefusalReason.PROPOSAL_NOT_FOUND, mergedIntoNumber);
            }
            mergedInto = target.id();
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (proposals.respond(proposal.id(), response, cleanNote, mergedInto, staff.label(), clock.instant()) == 0) {
            return Result.refused(RefusalReason.ALREADY_RESPONDED, number);
        }
        audit.of(staff, channel).round(communityId, proposal.roundId()).household(proposal.householdId())
                .record("proposal." + response.name().toLowerCase(), "P" + number
                        + (mergedIntoNumber == null ? "" : " -> P" + mergedIntoNumber)
                        + (cleanNote == null ? "" : ": " + cleanNote));
        return Result.done(proposals.findById(proposal.id()).orElseThrow());
    }
}
