package org.yunxie.bot.command;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunxie.core.round.RoundKind;

/** "#确认 12" or "#12 确认": confirms the household's share in a cost share; the reply states the amount. */
@Component
class PledgeCommand implements Command {

    private final VoteCommand voting;

    PledgeCommand(VoteCommand voting) {
        this.voting = voting;
    }

    @Override
    public boolean castsBallotsOnly() {
        return true;
    }

    @Override
    public String name() {
        return "确认";
    }

    @Override
    public List<String> aliases() {
        return List.of("confirm", "认缴");
    }

    @Override
    public String usageKey() {
        return "usage.pledge";
    }

    @Override
    public Reply run(Invocation invocation) {
        List<String> words = HouseholdWords.withoutLabels(invocation.line().words());
        return voting.cast(invocation, words.isEmpty() ? List.of("确认") : words, Set.of(RoundKind.COST_SHARE));
    }
}
