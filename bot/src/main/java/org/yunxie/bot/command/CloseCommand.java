package org.yunxie.bot.command;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.outcome.Outcome;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Result;

/** "#截止 12": staff close a round now; the outcome is posted to the group as at the deadline. */
@Component
class CloseCommand extends StaffRoundCommand {

    private final ClosingRound closing;

    CloseCommand(RoundFinder finder, Replies replies, ClosingRound closing) {
        super(finder, replies);
        this.closing = closing;
    }

    @Override
    public String name() {
        return "截止";
    }

    @Override
    public List<String> aliases() {
        return List.of("close", "结束");
    }

    @Override
    public String usageKey() {
        return "usage.close";
    }

    @Override
    Reply act(Round round, Invocation invocation) {
        Result<Outcome> closed = closing.close(round.id(), invocation.speaker().staff().actor(),
                invocation.sender().channel());
        if (!closed.isDone()) {
            return replies.refusal(closed);
        }
        return replies.text("close.done", round.number(),
                replies.wording().label("verdict", closed.orElseThrow().verdict()));
    }
}
