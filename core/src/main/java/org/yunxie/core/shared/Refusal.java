package org.yunxie.core.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A business refusal as a value: the reason and the facts a reply needs (unit labels, round numbers). */
public record Refusal(RefusalReason reason, List<Object> args) {

    public Refusal {
        // Facts may be missing (a number the person did not give), so nulls are kept.
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static Refusal of(RefusalReason reason, Object... args) {
        return new Refusal(reason, Arrays.asList(args));
    }
}
