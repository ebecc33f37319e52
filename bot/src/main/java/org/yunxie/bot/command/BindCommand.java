package org.yunxie.bot.command;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;
import org.yunxie.bot.ratelimit.RateLimiter;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.roster.BindingMember;
import org.yunxie.core.shared.Result;

/**
 * "#绑定 12345678": binds the sender to the household of a staff-issued code. Wrong codes are counted per
 * sender; after a few an hour the sender must wait, so codes cannot be guessed.
 */
@Component
class BindCommand implements Command {

    static final int ATTEMPTS_PER_HOUR = 5;

    private final BindingMember binding;
    private final RateLimiter limiter;
    private final Replies replies;

    BindCommand(BindingMember binding, RateLimiter limiter, Replies replies) {
        this.binding = binding;
        this.limiter = limiter;
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
        String limitKey = "bind:" + invocation.sender().identity().kind() + ":" + invocation.sender().identity().externalId();
        if (!limiter.allows(limitKey, ATTEMPTS_PER_HOUR, Duration.ofHours(1))) {
            return replies.text("bind.too-many");
        }
        Result<Binding> bound = binding.bind(invocation.sender().identity(), invocation.sender().displayName(), code,
                invocation.sender().channel());
        if (!bound.isDone()) {
            limiter.record(limitKey, Duration.ofHours(1));
            return replies.refusal(bound);
        }
        Binding done = bound.orElseThrow();
        return replies.text("bind.done", done.unitLabel(), replies.wording().label("role", done.role()));
    }
}
