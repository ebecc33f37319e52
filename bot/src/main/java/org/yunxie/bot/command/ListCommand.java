package org.yunxie.bot.command;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yunxie.core.round.Round;

/** "#列表": the open rounds here, with their numbers, kinds and deadlines. */
@Component
class ListCommand implements Command {

    private final RoundFinder finder;
    private final Replies replies;

    ListCommand(RoundFinder finder, Replies replies) {
        this.finder = finder;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "列表";
    }

    @Override
    public List<String> aliases() {
        return List.of("list", "清单", "查看");
    }

    @Override
    public String usageKey() {
        return "usage.list";
    }

    @Override
    public Reply run(Invocation invocation) {
        List<Round> open = finder.open(invocation.speaker());
        if (open.isEmpty()) {
            return replies.text("list.empty");
        }
        StringBuilder text = new StringBuilder(replies.wording().text("list.title"));
        for (Round round : open) {
            text.append('\n').append(replies.wording().text("list.round", round.number(),
                    replies.wording().label("kind", round.kind()), round.title(),
                    replies.wording().time(round.closingAt())));
        }
        return new Reply(text.toString());
    }
}
