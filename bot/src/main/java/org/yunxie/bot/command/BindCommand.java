package org.yunxie.bot.command;

import java.util.List;

import org.springframework.stereotype.Component;

/** "#绑定 12345678": binds the sender to the household of a staff-issued code (see {@link GuardedBinding}). */
@Component
class BindCommand implements Command {

    private final GuardedBinding guarded;
    private final Replies replies;

    BindCommand(GuardedBinding guarded, Replies replies) {
        this.guarded = guarded;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "绑定";
    }

    @Override
    public List<String> aliases() {
        return List.of("bind", "认证");
    }

    @Override
    public String usageKey() {
        return "usage.bind";
    }

    @Override
    public Reply run(Invocation invocation) {
        String code = String.join("", invocation.line().words()).replaceAll("[^0-9A-Za-z]", "");
        if (invocation.line().round() != null) {
            code = invocation.line().round() + code;
        }
        if (code.isEmpty()) {
            return replies.text("usage.bind");
        }
        return guarded.bind(invocation.sender().identity(), invocation.sender().displayName(), code,
                invocation.sender().channel());
    }
}
