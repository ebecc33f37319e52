package org.yunxie.core.rule;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

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

    public static Tally of(List<RollEntry> roll, Collection<Stance> stances) {
        Map<Long, RollEntry> byHousehold = roll.stream()
                .collect(Collectors.toMap(RollEntry::householdId, entry -> entry));
        Map<Long, Set<Integer>> chosen = new HashMap<>();
        for (Stance stance : stances) {
            if (byHousehold.containsKey(stance.householdId()) && !stance.choices().isEmpty()) {
                chosen.put(stance.householdId(), stance.choices());
            }
        }
        List<RollEntry> taking = roll.stream().filter(entry -> chosen.containsKey(entry.householdId())).toList();
        Map<String, List<RollEntry>> takingByHead = taking.stream().collect(Collectors.groupingBy(RollEntry::headKey));

        Set<Integer> positions = new HashSet<>();
        chosen.values().forEach(positions::addAll);
        Map<Integer, Count> options = new HashMap<>();
        for (int position : positions) {
            List<RollEntry> behind = taking.stream()
                    .filter(entry -> chosen.get(entry.householdId()).contains(position)).toList();
            long unanimousHeads = takingByHead.values().stream()
                    .filter(units -> units.stream().allMatch(u -> chosen.get(u.householdId()).contains(position)))
                    .count();
            options.put(position, new Count(behind.size(), (int) unanimousHeads, area(behind)));
        }
        return new Tally(count(roll), count(taking), options);
    }

    private static Count count(List<RollEntry> entries) {
        int heads = (int) entries.stream().map(RollEntry::headKey).distinct().count();
        return new Count(entries.size(), heads, area(entries));
    }

    private static long area(List<RollEntry> entries) {
        return entries.stream().mapToLong(RollEntry::areaCenti).sum();
    }
}
