package org.yunxie.core.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
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
}
