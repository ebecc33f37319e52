package org.yunxie.bot.command;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;
import org.yunxie.bot.text.Wording;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.shared.Refusal;
import org.yunxie.core.shared.Result;

/** Turns refusals and common read-backs into replies in the bot's language. */
@Component
public class Replies {

    private final Wording wording;

    Replies(Wording wording) {
        this.wording = wording;
    }

    public Reply text(String key, Object... args) {
        return new Reply(wording.text(key, args));
    }

    /**
     * Why something was refused and what to do, from {@code refusal.<reason>}. A list is joined with 、 and
     * its first item is passed once more at the end, for the example the message gives.
     */
    public Reply refusal(Refusal refusal) {
        List<Object> args = new ArrayList<>();
        List<Object> firstItems = new ArrayList<>();
        for (Object arg : refusal.args()) {
            if (arg instanceof List<?> items && !items.isEmpty()) {
                args.add(wording.list(items.stream().map(this::plain).toList()));
                firstItems.add(plain(items.get(0)));
            } else {
                args.add(plain(arg));
            }
        }
        args.addAll(firstItems);
        return new Reply(wording.text(refusal.reason().messageKey(), args.toArray()));
    }

    public <T> Reply refusal(Result<T> refused) {
        return refusal(((Result.Refused<T>) refused).refusal());
    }

    /** "A 同意、B 反对、C 弃权". */
    public String options(List<OptionSpec> options) {
        return wording.list(options.stream().map(option -> option.key() + " " + option.label()).toList());
    }

    private String plain(Object arg) {
        if (arg == null) {
            return "";
        }
        return arg instanceof RoundKind kind ? wording.label("kind", kind) : String.valueOf(arg);
    }

    public Wording wording() {
        return wording;
    }
}
