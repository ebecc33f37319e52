package org.yunxie.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Instants as the UTC wall time the DATETIME(3) columns are given. */
class UtcInstantTypeHandlerTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2026-11-28T01:02:03.004Z, 2026-11-28 01:02:03.004",
            "2026-11-28T09:30:00Z, 2026-11-28 09:30:00.000",
            "2026-12-31T23:59:59.999999999Z, 2026-12-31 23:59:59.999",
            "2026-03-05T07:08:09.000500Z, 2026-03-05 07:08:09.000",
            "1970-01-01T00:00:00Z, 1970-01-01 00:00:00.000",
            "1000-01-01T00:00:00Z, 1000-01-01 00:00:00.000",
            "9999-12-31T23:59:59.999Z, 9999-12-31 23:59:59.999",
            "0999-12-31T23:59:59Z, 0999-12-31 23:59:59.000",
            "+10000-01-01T00:00:00Z, +10000-01-01 00:00:00.000"})
    void writesTheUtcWallTimeToTheMillisecondCutNotRounded(Instant instant, String text) {
        assertThat(UtcInstantTypeHandler.text(instant)).isEqualTo(text);
    }

    @Test
    void writesWhatTheFormatterWritesForAnyInstantOfTheseCenturies() {
        DateTimeFormatter formatter = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
        Random random = new Random(20261128);
        long from = Instant.parse("1900-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2200-01-01T00:00:00Z").getEpochSecond();
        for (int n = 0; n < 10_000; n++) {
            Instant instant = Instant.ofEpochSecond(from + (long) (random.nextDouble() * (to - from)),
                    random.nextInt(1_000_000_000));
            assertThat(UtcInstantTypeHandler.text(instant)).as("%s", instant)
                    .isEqualTo(formatter.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC)));
        }
    }
}
