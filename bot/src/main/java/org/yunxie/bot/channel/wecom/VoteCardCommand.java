package org.yunxie.bot.channel.wecom;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunxie.bot.command.Command;
import org.yunxie.bot.command.Invocation;
import org.yunxie.bot.command.Replies;
import org.yunxie.bot.command.Reply;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.Rounds;

/** "#发卡 12": staff send vote cards for round 12 to the members whose households have not responded. */
@Component
class VoteCardCommand implements Command {

    private static final Set<RoundKind> KINDS = Set.of(RoundKind.POLL, RoundKind.COST_SHARE);

    private final VoteCards cards;
    private final Rounds rounds;
    private final Replies replies;

    VoteCardCommand(VoteCards cards, Rounds rounds, Replies replies) {
        this.cards = cards;
        this.rounds = rounds;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "发卡";
    }

    @Override
    public List<String> aliases() {
        return List.of("cards", "投票卡");
    }

    @Override
    public String usageKey() {
        return "usage.cards";
    }

    @Override
    public boolean staffOnly() {
        return true;
    }

    @Override
    public Reply run(Invocation invocation) {
        Integer number = invocation.line().round();
        Long community = invocation.speaker().communityId();
        Round round = number == null || community == null ? null
                : rounds.findByNumber(community, number).orElse(null);
        if (round == null || !KINDS.contains(round.kind())) {
            return replies.text("usage.cards");
        }
        return replies.text("cards.sent", round.number(), cards.sendToNonResponders(round));
    }
}
