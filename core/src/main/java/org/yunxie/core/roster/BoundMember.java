package org.yunxie.core.roster;

import java.util.List;

/** A member with the households they are bound to, by unit label. */
public record BoundMember(Member member, List<Binding> bindings) {

    public BoundMember {
        bindings = List.copyOf(bindings);
    }
}
