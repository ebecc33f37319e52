package org.yunxie.bot.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Counts events per key over a sliding window in Redis, shared by every instance: guesses of binding codes per
 * sender, messages per group robot per minute. Sliding, not per calendar minute: WeCom refuses a robot's 21st
 * message within any minute, and fixed windows would let 40 through around a minute's turn. When Redis is down
 * the limits are not enforced (logged): they protect, but must not stop residents from voting.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);
    // Read through this class, not the thread's context class loader: the class may first be loaded while the
    // web server starts (under its web-app class loader), and the script is read again after that has stopped.
    private static final RedisScript<Long> TAKE_SLOTS = RedisScript.of(
            new ClassPathResource("take-slots.lua", RateLimiter.class), Long.class);

    private final StringRedisTemplate redis;
    private final Clock clock;

    RateLimiter(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** Whether fewer than {@code limit} events were recorded under the key within the last window. */
    public boolean allows(String key, int limit, Duration window) {
        try {
            long now = clock.millis();
            Long count = redis.opsForZSet().count(redisKey(key), now - window.toMillis() + 1, Double.POSITIVE_INFINITY);
            return count == null || count < limit;
        } catch (RuntimeException e) {
            log.warn("Rate limit {} not checked, Redis unavailable: {}", key, e.toString());
            return true;
        }
    }

    public void record(String key, Duration window) {
        take(key, Integer.MAX_VALUE, window, 1);
    }

    /**
     * Takes {@code slots} slots of the window at once, or none: empty when granted, else the time at which
     * enough earlier events will have left the window.
     */
    public Optional<Instant> take(String key, int limit, Duration window, int slots) {
        if (slots == 0) {
            return Optional.empty();
        }
        try {
            Long freeAt = redis.execute(TAKE_SLOTS, List.of(redisKey(key)), Long.toString(clock.millis()),
                    Long.toString(window.toMillis()), Integer.toString(limit), Integer.toString(slots),
                    UUID.randomUUID().toString());
            return freeAt == null || freeAt < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(freeAt));
        } catch (RuntimeException e) {
            log.warn("Rate limit {} not enforced, Redis unavailable: {}", key, e.toString());
            return Optional.empty();
        }
    }

    private static String redisKey(String key) {
        return "yunxie:sliding:" + key;
    }
}
