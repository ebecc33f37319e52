package org.yunxie.bot.command;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yunxie.core.reminder.RemindingNonResponders;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Result;

/** "#催办 12": staff remind the households that have not responded, now. */
@Component
class RemindCommand extends StaffRoundCommand {

    private final RemindingNonResponders reminding;

    RemindCommand(RoundFinder finder, Replies replies, RemindingNonResponders reminding) {
        super(finder, replies);
        this.reminding = reminding;
    }

    @Override
    public String name() {
        return "催办";
    }

    @Override
    public List<String> aliases() {
        return List.of("remind", "提醒");
    }

    @Override
    public String usageKey() {
        return "usage.remind";
    }

    @Override
    Reply act(Round round, Invocation invocation) {
        Result<List<String>> reminded = reminding.remindNow(round.id(), invocation.speaker().staff().actor(),
                invocation.sender().channel());
        if (!reminded.isDone()) {
            return replies.refusal(reminded);
        }
        return replies.text("remind.done", round.number(), reminded.orElseThrow().size());
    }
}
