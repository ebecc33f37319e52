package org.yunxie.bot.command;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunxie.core.proposal.Proposal;
import org.yunxie.core.proposal.SubmittingProposal;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.shared.Result;

/** "#提议 楼道装声控灯": submits a proposal for the sender's household to the open proposal call. */
@Component
class ProposeCommand implements Command {

    private final RoundFinder finder;
    private final SubmittingProposal submitting;
    private final Replies replies;

    ProposeCommand(RoundFinder finder, SubmittingProposal submitting, Replies replies) {
        this.finder = finder;
        this.submitting = submitting;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "提议";
    }

    @Override
    public List<String> aliases() {
        return List.of("提案", "建议", "propose");
    }

    @Override
    public String usageKey() {
        return "usage.propose";
    }

    @Override
    public Reply run(Invocation invocation) {
        Speaker speaker = invocation.speaker();
        if (speaker.member() == null) {
            return replies.text("reply.not-bound");
        }
        String text = invocation.line().freeText();
        if (text.isBlank()) {
            return replies.text("usage.propose");
        }
        Result<Round> call = finder.find(speaker, invocation.line().round(), Set.of(RoundKind.PROPOSAL_CALL),
                invocation.sender().sentAt());
        if (!call.isDone()) {
            return replies.refusal(call);
        }
        Result<Proposal> submitted = submitting.submit(call.orElseThrow().id(), speaker.member().id(), null, text,
                invocation.sender().channel(), invocation.sender().sentAt());
        if (!submitted.isDone()) {
            return replies.refusal(submitted);
        }
        Proposal proposal = submitted.orElseThrow();
        return replies.text("proposal.submitted", proposal.unitLabel(), proposal.number(), call.orElseThrow().number());
    }
}
