package org.yunxie.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TallyTest {

    /** Wang owns 101 and 102; everyone else owns a single unit. 5 households, 4 heads, 445.75 m². */
    private static final List<RollEntry> ROLL = List.of(
            unit(101, "Wang", 90.50),
            unit(102, "Wang", 60.00),
            unit(201, "H201", 120.25),
            unit(202, "H202", 75.00),
            unit(301, "H301", 100.00));

    static Stream<Arguments> rounds() {
        return Stream.of(
                round("nobody votes",
                        votes(),
                        count(0, 0, 0), Map.of()),
                round("Wang's units disagree: Wang takes part but backs neither option by head",
                        votes(vote(101, 1), vote(102, 2), vote(201, 1)),
                        count(3, 2, 270.75), Map.of(1, count(2, 1, 210.75), 2, count(1, 0, 60.00))),
                round("an empty ballot and a household off the roll do not count",
                        votes(vote(201, 1), vote(202), vote(999, 1)),
                        count(1, 1, 120.25), Map.of(1, count(1, 1, 120.25))),
                round("Wang's silent unit does not keep Wang's head from backing option 1",
                        votes(vote(101, 1), vote(201, 2)),
                        count(2, 2, 210.75), Map.of(1, count(1, 1, 90.50), 2, count(1, 1, 120.25))),
                round("both of Wang's units back option 1: one head, both areas",
                        votes(vote(101, 1), vote(102, 1), vote(301, 1)),
                        count(3, 2, 250.50), Map.of(1, count(3, 2, 250.50))),
                round("multi-choice ballots count for each option chosen",
                        votes(vote(101, 1, 2), vote(102, 1), vote(301, 2, 3)),
                        count(3, 2, 250.50),
                        Map.of(1, count(2, 1, 150.50), 2, count(2, 1, 190.50), 3, count(1, 1, 100.00))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rounds")
    void countsEligibleParticipatingAndPerOptionHouseholdsHeadsAndArea(String sentence, List<Stance> stances,
                                                                       Count participating, Map<Integer, Count> options) {
        Tally tally = Tally.of(ROLL, stances);

        assertThat(tally.eligible()).isEqualTo(count(5, 4, 445.75));
        assertThat(tally.participating()).isEqualTo(participating);
        for (int position = 1; position <= 4; position++) {
            assertThat(tally.option(position)).as("option %d", position)
                    .isEqualTo(options.getOrDefault(position, Count.ZERO));
        }
    }

    private static Arguments round(String sentence, List<Stance> stances, Count participating,
                                   Map<Integer, Count> options) {
        return Arguments.of(sentence, stances, participating, options);
    }

    private static RollEntry unit(long household, String head, double squareMetres) {
        return new RollEntry(household, head, Math.round(squareMetres * 100));
    }

    private static List<Stance> votes(Stance... stances) {
        return List.of(stances);
    }

    private static Stance vote(long household, Integer... positions) {
        return new Stance(household, Set.copyOf(Arrays.asList(positions)));
    }

    private static Count count(int households, int heads, double squareMetres) {
        return new Count(households, heads, Math.round(squareMetres * 100));
    }

    @RepeatedTest(200)
    void agreesWithCountingHouseholdByHouseholdOnARandomRound(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        List<RollEntry> roll = new ArrayList<>();
        int households = 1 + random.nextInt(60);
        for (int i = 0; i < households; i++) {
            roll.add(new RollEntry(i, "head" + random.nextInt(Math.max(1, households * 3 / 4)),
                    1000 + random.nextInt(20000)));
        }
        List<Stance> stances = new ArrayList<>();
        for (int i = 0; i < households + 5; i++) {
            if (random.nextInt(3) > 0) {
                Set<Integer> choices = new HashSet<>();
                for (int position = 1; position <= 4; position++) {
                    if (random.nextInt(3) == 0) {
                        choices.add(position);
                    }
                }
                stances.add(new Stance(i, choices));
            }
        }

        assertThat(Tally.of(roll, stances)).isEqualTo(countedOneByOne(roll, stances));
    }

    /** The definition, spelled out slowly: who takes part, and for each option who is behind it. */
    private static Tally countedOneByOne(List<RollEntry> roll, List<Stance> stances) {
        Map<Long, Set<Integer>> chosen = new HashMap<>();
        for (Stance stance : stances) {
            boolean onRoll = roll.stream().anyMatch(entry -> entry.householdId() == stance.householdId());
            if (onRoll && !stance.choices().isEmpty()) {
                chosen.put(stance.householdId(), stance.choices());
            }
        }
        List<RollEntry> taking = roll.stream().filter(entry -> chosen.containsKey(entry.householdId())).toList();
        Map<Integer, Count> options = new HashMap<>();
        chosen.values().stream().flatMap(Set::stream).distinct().forEach(position -> {
            List<RollEntry> behind = taking.stream()
                    .filter(entry -> chosen.get(entry.householdId()).contains(position)).toList();
            long heads = taking.stream().map(RollEntry::headKey).distinct()
                    .filter(head -> taking.stream().filter(entry -> entry.headKey().equals(head))
                            .allMatch(entry -> chosen.get(entry.householdId()).contains(position)))
                    .count();
            options.put(position, new Count(behind.size(), (int) heads,
                    behind.stream().mapToLong(RollEntry::areaCenti).sum()));
        });
        return new Tally(countOf(roll), countOf(taking), options);
    }

    private static Count countOf(List<RollEntry> entries) {
        return new Count(entries.size(), (int) entries.stream().map(RollEntry::headKey).distinct().count(),
                entries.stream().mapToLong(RollEntry::areaCenti).sum());
    }
}
