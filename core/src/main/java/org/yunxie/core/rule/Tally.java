package org.yunxie.core.rule;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Counts of a round: all eligible, those that took part, and those behind each option.
 * A head takes part when any of its households does, and stands behind an option only when every one
 * of its participating households chose it: an owner whose units disagree supports nothing by head.
 */
public record Tally(Count eligible, Count participating, Map<Integer, Count> options) {

    public Tally {
        options = Map.copyOf(options);
    }

    public Count option(int position) {
        return options.getOrDefault(position, Count.ZERO);
    }

    /** One pass over the roll; stances of households not on it are left out, an empty one changes nothing. */
    public static Tally of(List<RollEntry> roll, Collection<Stance> stances) {
        Map<Long, Set<Integer>> chosen = new HashMap<>(stances.size() * 2);
        for (Stance stance : stances) {
            if (!stance.choices().isEmpty()) {
                chosen.put(stance.householdId(), stance.choices());
            }
        }
        Set<String> eligibleHeads = new HashSet<>();
        long eligibleArea = 0;
        int taking = 0;
        long takingArea = 0;
        Map<String, HeadStances> heads = new HashMap<>();
        Map<Integer, long[]> behind = new HashMap<>();
        for (RollEntry entry : roll) {
            eligibleHeads.add(entry.headKey());
            eligibleArea += entry.areaCenti();
            Set<Integer> choices = chosen.get(entry.householdId());
            if (choices == null) {
                continue;
            }
            taking++;
            takingArea += entry.areaCenti();
            HeadStances head = heads.computeIfAbsent(entry.headKey(), key -> new HeadStances());
            head.units++;
            for (int position : choices) {
                long[] figures = behind.computeIfAbsent(position, key -> new long[2]);
                figures[0]++;
                figures[1] += entry.areaCenti();
                head.backing.merge(position, 1, Integer::sum);
            }
        }
        Map<Integer, Count> options = new HashMap<>();
        behind.forEach((position, figures) -> {
            // A head backs an option only when every one of its participating units chose it.
            int unanimous = (int) heads.values().stream()
                    .filter(head -> head.backing.getOrDefault(position, 0) == head.units).count();
            options.put(position, new Count((int) figures[0], unanimous, figures[1]));
        });
        return new Tally(new Count(roll.size(), eligibleHeads.size(), eligibleArea),
                new Count(taking, heads.size(), takingArea), options);
    }

    /** How many of a head's units take part, and how many of them chose each option. */
    private static final class HeadStances {
        int units;
        final Map<Integer, Integer> backing = new HashMap<>(4);
    }
}
