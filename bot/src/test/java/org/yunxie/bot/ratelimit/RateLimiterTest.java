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

/** Against the real (embedded or given) Redis, with a clock fixed inside one minute. */
@EmbeddedDemoTest
class RateLimiterTest {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Autowired
    StringRedisTemplate redis;

    private final Instant now = Instant.parse("2026-11-27T08:30:15Z");

    private RateLimiter limiter() {
        return new RateLimiter(redis, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aGroupRobotGetsTwentyMessagesAMinuteAndTheTwentyFirstWaitsForTheNextMinute() {
        RateLimiter robot = limiter();
        String key = "robot:" + UUID.randomUUID();

        for (int i = 0; i < 20; i++) {
            assertThat(robot.take(key, 20, MINUTE, 1)).as("message %d", i + 1).isEmpty();
        }

        assertThat(robot.take(key, 20, MINUTE, 1)).contains(Instant.parse("2026-11-27T08:31:00Z"));
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
}
