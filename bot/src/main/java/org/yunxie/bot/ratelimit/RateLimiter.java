package org.yunxie.bot.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts events per key in fixed windows in Redis, shared by every instance: guesses of binding codes per
 * sender, messages per group robot per minute. When Redis is down the limits are not enforced (logged):
 * they protect, but must not stop residents from voting.
 */
@Component
public class RateLimiter {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    private final StringRedisTemplate redis;
    private final Clock clock;

    RateLimiter(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** Whether fewer than {@code limit} events were recorded under the key in the current window. */
    public boolean allows(String key, int limit, Duration window) {
        try {
            String count = redis.opsForValue().get(redisKey(key, window));
            return count == null || Long.parseLong(count) < limit;
        } catch (RuntimeException e) {
            log.warn("Rate limit {} not checked, Redis unavailable: {}", key, e.toString());
            return true;
        }
    }

    public void record(String key, Duration window) {
        try {
            count(redisKey(key, window), window);
        } catch (RuntimeException e) {
            log.warn("Rate limit {} not recorded, Redis unavailable: {}", key, e.toString());
        }
    }

    /**
     * Takes {@code slots} slots of the window at once, or none: empty when granted, else the time the next
     * window starts.
     */
    public Optional<Instant> take(String key, int limit, Duration window, int slots) {
        if (slots == 0) {
            return Optional.empty();
        }
        String redisKey = redisKey(key, window);
        try {
            if (count(redisKey, window, slots) <= limit) {
                return Optional.empty();
            }
            redis.opsForValue().decrement(redisKey, slots);
            return Optional.of(windowStart(window).plus(window));
        } catch (RuntimeException e) {
            log.warn("Rate limit {} not enforced, Redis unavailable: {}", key, e.toString());
            return Optional.empty();
        }
    }

    private long count(String redisKey, Duration window) {
        return count(redisKey, window, 1);
    }

    private long count(String redisKey, Duration window, int slots) {
        Long count = redis.opsForValue().increment(redisKey, slots);
        if (count != null && count == slots) {
            redis.expire(redisKey, window.plusSeconds(5));
        }
        return count == null ? 0 : count;
    }

    private String redisKey(String key, Duration window) {
        return "yunxie:rate:" + key + ":" + windowStart(window).getEpochSecond();
    }

    private Instant windowStart(Duration window) {
        long size = window.toMillis();
        return Instant.ofEpochMilli(clock.millis() / size * size);
    }
}
