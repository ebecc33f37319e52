package org.yunxie.bot.command;

import java.time.Duration;

import org.springframework.stereotype.Component;
import org.yunxie.bot.ratelimit.RateLimiter;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.roster.BindingMember;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Result;

/**
 * Redeems a binding code for a chat identity, from any channel, with wrong codes counted per identity:
 * after a few an hour the identity must wait, so codes cannot be guessed.
 */
@Component
public class GuardedBinding {

    static final int ATTEMPTS_PER_HOUR = 5;

    private final BindingMember binding;
    private final RateLimiter limiter;
    private final Replies replies;

    GuardedBinding(BindingMember binding, RateLimiter limiter, Replies replies) {
        this.binding = binding;
        this.limiter = limiter;
        this.replies = replies;
    }

    public Reply bind(ChatIdentity identity, String displayName, String code, Channel channel) {
        String limitKey = "bind:" + identity.kind() + ":" + identity.externalId();
        if (!limiter.allows(limitKey, ATTEMPTS_PER_HOUR, Duration.ofHours(1))) {
            return replies.text("bind.too-many");
        }
        Result<Binding> bound = binding.bind(identity, displayName, code, channel);
        if (!bound.isDone()) {
            limiter.record(limitKey, Duration.ofHours(1));
            return replies.refusal(bound);
        }
        Binding done = bound.orElseThrow();
        return replies.text("bind.done", done.unitLabel(), replies.wording().label("role", done.role()));
    }
}
