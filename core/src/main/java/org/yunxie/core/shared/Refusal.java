package org.yunxie.core.shared;

import java.util.List;

/** A business refusal as a value: the reason and the facts a reply needs (unit labels, round numbers). */
public record Refusal(RefusalReason reason, List<Object> args) {

    public Refusal {
        args = List.copyOf(args);
    }

    public static Refusal of(RefusalReason reason, Object... args) {
        return new Refusal(reason, List.of(args));
    }
}
