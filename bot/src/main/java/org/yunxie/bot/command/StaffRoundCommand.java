package org.yunxie.bot.command;

import java.util.EnumSet;

import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.shared.Result;

/** A staff command on one numbered round ("#截止 12"): finds the round, then acts on it. */
abstract class StaffRoundCommand implements Command {

    private final RoundFinder finder;
    protected final Replies replies;

    StaffRoundCommand(RoundFinder finder, Replies replies) {
        this.finder = finder;
        this.replies = replies;
    }

    @Override
    public boolean staffOnly() {
        return true;
    }

    @Override
    public Reply run(Invocation invocation) {
        if (invocation.line().round() == null) {
            return replies.text(usageKey());
        }
        Result<Round> target = finder.find(invocation.speaker(), invocation.line().round(),
                EnumSet.allOf(RoundKind.class));
        return target.isDone() ? act(target.orElseThrow(), invocation) : replies.refusal(target);
    }

    abstract Reply act(Round round, Invocation invocation);
}
