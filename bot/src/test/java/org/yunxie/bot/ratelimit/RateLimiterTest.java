package org.yunxie.bot.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.yunxie.bot.EmbeddedDemoTest;

/** Against the real (embedded or given) Redis, with clocks fixed at the moments that matter. */
@EmbeddedDemoTest
class RateLimiterTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired
    StringRedisTemplate redis;

    private final Instant now = Instant.parse("2026-11-27T08:30:15Z");

    private RateLimiter limiter() {
        return at(now);
    }

    private RateLimiter at(Instant instant) {
        return new RateLimiter(redis, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aGroupRobotGetsTwentyMessagesAMinuteAndTheTwentyFirstWaitsUntilTheFirstIsAMinuteOld() {
        RateLimiter robot = limiter();
        String key = "robot:" + UUID.randomUUID();

        for (int i = 0; i < 20; i++) {
            assertThat(robot.take(key, 20, MINUTE, 1)).as("message %d", i + 1).isEmpty();
        }

        assertThat(robot.take(key, 20, MINUTE, 1)).contains(Instant.parse("2026-11-27T08:31:15.001Z"));
    }

    @Test
    void theTurnOfAClockMinuteFreesNothingOnlyTheMessagesAgeDo() {
        String key = "robot:" + UUID.randomUUID();
        Instant late = Instant.parse("2026-11-27T08:30:50Z");
        for (int i = 0; i < 20; i++) {
            at(late).take(key, 20, MINUTE, 1);
        }

        assertThat(at(Instant.parse("2026-11-27T08:31:05Z")).take(key, 20, MINUTE, 1))
                .as("a new calendar minute, but 20 messages in the last 60 s")
                .contains(Instant.parse("2026-11-27T08:31:50.001Z"));
        assertThat(at(Instant.parse("2026-11-27T08:31:50.001Z")).take(key, 20, MINUTE, 2)).isEmpty();
    }

    @Test
    void slotsForSeveralPartsAreTakenTogetherOrNotAtAll() {
        RateLimiter robot = limiter();
        String key = "robot:" + UUID.randomUUID();
        for (int i = 0; i < 18; i++) {
            robot.take(key, 20, MINUTE, 1);
        }

        assertThat(robot.take(key, 20, MINUTE, 3)).isPresent();
        assertThat(robot.take(key, 20, MINUTE, 2)).as("the refused three took nothing").isEmpty();
        assertThat(robot.take(key, 20, MINUTE, 1)).isPresent();
    }

    @Test
    void wrongAttemptsAreCountedPerKeyWithinTheWindow() {
        RateLimiter guesses = limiter();
        String key = "bind:" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            assertThat(guesses.allows(key, 5, Duration.ofHours(1))).isTrue();
            guesses.record(key, Duration.ofHours(1));
        }

        assertThat(guesses.allows(key, 5, Duration.ofHours(1))).isFalse();
        assertThat(guesses.allows("bind:" + UUID.randomUUID(), 5, Duration.ofHours(1))).isTrue();
    }

    @Test
    void aGuessCountsForAnHourFromWhenItWasMade() {
        String key = "bind:" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            limiter().record(key, Duration.ofHours(1));
        }

        assertThat(at(now.plus(Duration.ofMinutes(59))).allows(key, 5, Duration.ofHours(1))).isFalse();
        assertThat(at(now.plus(Duration.ofHours(1)).plusMillis(1)).allows(key, 5, Duration.ofHours(1))).isTrue();
    }
}
