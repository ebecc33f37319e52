package org.yunxie.bot.command;

import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** "#帮助", "帮助", "help", "?": what can be done here, one line each; staff see their commands too. */
@Component
class HelpCommand implements Command {

    private final ObjectProvider<CommandRegistry> registry;
    private final Replies replies;

    // The registry is built from all commands, this one included: look it up when help is asked for.
    HelpCommand(ObjectProvider<CommandRegistry> registry, Replies replies) {
        this.registry = registry;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "帮助";
    }

    @Override
    public List<String> aliases() {
        return List.of("help", "?", "菜单", "怎么用");
    }

    @Override
    public String usageKey() {
        return "usage.help";
    }

    /** Help lists what residents do most first; commands not named here follow in registration order. */
    private static final List<String> ORDER = List.of("列表", VoteCommand.NAME, "确认", "结果", "我的", "提议", "附议",
            "绑定", "链接", "帮助", "发起", "催办", "发卡", "截止", "延期");

    @Override
    public Reply run(Invocation invocation) {
        StringBuilder text = new StringBuilder(replies.wording().text("help.title"));
        List<Command> commands = registry.getObject().all().stream()
                .sorted(Comparator.comparingInt(command -> ORDER.contains(command.name())
                        ? ORDER.indexOf(command.name()) : ORDER.size()))
                .toList();
        for (Command command : commands) {
            if (!command.staffOnly() || invocation.speaker().runsRounds()) {
                text.append('\n').append(replies.wording().text(command.usageKey()));
            }
        }
        if (invocation.speaker().member() == null) {
            text.append('\n').append(replies.wording().text("help.bind-first"));
        }
        return new Reply(text.toString());
    }
}
