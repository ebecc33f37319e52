package org.yunxie.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ThresholdTest {

    private static final Threshold MORE_THAN_HALF = Threshold.moreThan(1, 2);
    private static final Threshold TWO_THIRDS = Threshold.atLeast(2, 3);
    private static final Threshold THREE_FIFTHS = Threshold.atLeast(3, 5);

    static Stream<Arguments> shares() {
        return Stream.of(
                share(TWO_THIRDS, 2, 3, true),
                share(TWO_THIRDS, 1, 3, false),
                share(TWO_THIRDS, 1999, 3000, false),
                share(TWO_THIRDS, 2000, 3000, true),
                share(TWO_THIRDS, 2001, 3000, true),
                share(TWO_THIRDS, 666_666_666_666L, 1_000_000_000_000L, false),
                share(TWO_THIRDS, 666_666_666_667L, 1_000_000_000_000L, true),
                share(MORE_THAN_HALF, 2, 4, false),
                share(MORE_THAN_HALF, 3, 4, true),
                share(MORE_THAN_HALF, 50_000, 100_000, false),
                share(MORE_THAN_HALF, 50_001, 100_000, true),
                share(MORE_THAN_HALF, 3, 5, true),
                share(THREE_FIFTHS, 3, 5, true),
                share(THREE_FIFTHS, 5, 9, false),
                share(Threshold.atLeast(0, 1), 0, 5, true),
                share(Threshold.moreThan(0, 1), 0, 5, false),
                share(Threshold.atLeast(1, 1), 5, 5, true),
                share(TWO_THIRDS, 0, 0, false),
                share(MORE_THAN_HALF, 0, 0, false),
                share(Threshold.atLeast(0, 1), 0, 0, false));
    }

    private static Arguments share(Threshold threshold, long part, long whole, boolean met) {
        return Arguments.of(part + " of " + whole + (met ? " meets " : " does not meet ") + threshold,
                threshold, part, whole, met);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shares")
    void comparesSharesExactlyAndAnEmptyWholeMeetsNothing(String row, Threshold threshold, long part, long whole,
                                                          boolean met) {
        assertThat(threshold.isMetBy(part, whole)).isEqualTo(met);
    }

    static Stream<Arguments> texts() {
        return Stream.of(
                Arguments.of(">1/2", 1, 2, true),
                Arguments.of(">=2/3", 2, 3, false),
                Arguments.of(">=3/4", 3, 4, false),
                Arguments.of(">=3/5", 3, 5, false),
                Arguments.of(">=1/1", 1, 1, false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("texts")
    void parsesTheStoredFormAndWritesItBack(String text, int numerator, int denominator, boolean strict) {
        Threshold parsed = Threshold.parse(text);

        assertThat(parsed).isEqualTo(new Threshold(numerator, denominator, strict));
        assertThat(parsed.toString()).isEqualTo(text);
        assertThat(Threshold.parse(parsed.toString())).isEqualTo(parsed);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"  "})
    void noTextMeansNoThreshold(String text) {
        assertThat(Threshold.parse(text)).isNull();
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"1/2", "=1/2", "<1/2", ">=2/3x", ">= 2/3", ">1/0", ">3/2", ">-1/2", ">half", "2/3>="})
    void rejectsTextThatIsNotAThresholdInZeroToOne(String text) {
        assertThatThrownBy(() -> Threshold.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
