package org.yunxie.core.rule;

import java.util.Set;

/** A household's current choice: the positions of the options it chose. */
public record Stance(long householdId, Set<Integer> choices) {

    public Stance {
        choices = Set.copyOf(choices);
    }
}
