package org.yunxie.bot.command;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yunxie.core.proposal.Proposal;
import org.yunxie.core.proposal.SupportingProposal;
import org.yunxie.core.shared.Result;

/** "#附议 P3": supports a neighbour's proposal for the sender's household, once per household. */
@Component
class SupportCommand implements Command {

    private final SupportingProposal supporting;
    private final Replies replies;

    SupportCommand(SupportingProposal supporting, Replies replies) {
        this.supporting = supporting;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "附议";
    }

    @Override
    public List<String> aliases() {
        return List.of("support", "支持提案");
    }

    @Override
    public String usageKey() {
        return "usage.support";
    }

    @Override
    public Reply run(Invocation invocation) {
        Speaker speaker = invocation.speaker();
        if (speaker.member() == null) {
            return replies.text("reply.not-bound");
        }
        Integer number = invocation.line().proposal() != null ? invocation.line().proposal() : invocation.line().round();
        if (number == null || speaker.communityId() == null) {
            return replies.text("usage.support");
        }
        Long household = HouseholdWords.named(invocation.line().words(), speaker.bindingsHere()).orElse(null);
        Result<Proposal> supported = supporting.support(speaker.communityId(), number, speaker.member().id(),
                household, invocation.sender().channel(), invocation.sender().sentAt());
        if (!supported.isDone()) {
            return replies.refusal(supported);
        }
        Proposal proposal = supported.orElseThrow();
        return replies.text("proposal.supported", number, proposal.supports());
    }
}
