package org.yunxie.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yunxie.core.round.RoundMapper;

/** When the closers count as busy with a storm, so that the outbox gives way (the rule, on a mapper seam). */
class ClosingStormTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:00:00Z");

    @ParameterizedTest(name = "{0} rounds due, the earliest {1} s ago: storm {2}")
    @CsvSource({
            "0, 0, false",
            "1, 5, false",
            "49, 5, false",
            "50, 5, true",
            "50, 119, true",
            "50, 120, false",
            "50, 600, false"})
    void aStormIsManyRoundsDueAtOnceAndNoLongerOnceTheyAreLongOverdue(int due, long earliestSecondsAgo,
                                                                      boolean storm) {
        List<Instant> deadlines = new ArrayList<>();
        for (int i = 0; i < due; i++) {
            deadlines.add(NOW.minusSeconds(earliestSecondsAgo).plusMillis(i));
        }
        RoundMapper rounds = mock(RoundMapper.class);
        when(rounds.findDueDeadlines(any(), anyInt())).thenAnswer(call -> {
            assertThat(call.<Instant>getArgument(0)).isEqualTo(NOW);
            return deadlines.subList(0, Math.min(due, call.<Integer>getArgument(1)));
        });
        ClosingDueRounds closing = new ClosingDueRounds(rounds, null, null, Clock.fixed(NOW, ZoneOffset.UTC), 1);

        assertThat(closing.stormUnderWay()).isEqualTo(storm);
        assertThat(ClosingDueRounds.STORM_YIELD).isEqualTo(Duration.ofMinutes(2));
        closing.destroy();
    }
}
