package org.yunxie.core.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts failed console sign-ins per key (a username, an address) in a window, shared by all instances
 * through Redis. When Redis is down the count goes on in this instance's memory, so an attacker gains
 * nothing by knocking Redis over: throttling gets stricter per instance, never switched off.
 */
@Component
public class LoginAttempts {

    private static final Logger log = LoggerFactory.getLogger(LoginAttempts.class);
    private static final int MAX_LOCAL_KEYS = 100_000;

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Map<String, Window> local = new ConcurrentHashMap<>();

    LoginAttempts(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** Failures counted under the key in the current window (0 when none). */
    public long failures(String key) {
        try {
            String value = redis.opsForValue().get(redisKey(key));
            return Math.max(value == null ? 0 : Long.parseLong(value), localCount(key));
        } catch (RuntimeException e) {
            log.warn("Login throttle falls back to memory: {}", e.toString());
            return localCount(key);
        }
    }

    /** Counts one failure; the window starts at the first failure and lasts {@code window}. */
    public void failed(String key, Duration window) {
        countLocally(key, window);
        try {
            Long count = redis.opsForValue().increment(redisKey(key));
            if (count != null && count == 1) {
                redis.expire(redisKey(key), window);
            }
        } catch (RuntimeException e) {
            log.warn("Login throttle falls back to memory: {}", e.toString());
        }
    }

    public void reset(String key) {
        local.remove(key);
        try {
            redis.delete(redisKey(key));
        } catch (RuntimeException e) {
            log.warn("Could not clear the login throttle in Redis: {}", e.toString());
        }
    }

    private long localCount(String key) {
        Window window = local.get(key);
        if (window == null || !clock.instant().isBefore(window.until())) {
            return 0;
        }
        return window.count();
    }

    private void countLocally(String key, Duration length) {
        Instant now = clock.instant();
        if (local.size() > MAX_LOCAL_KEYS) {
            local.values().removeIf(window -> !now.isBefore(window.until()));
        }
        local.merge(key, new Window(1, now.plus(length)), (old, fresh) ->
                now.isBefore(old.until()) ? new Window(old.count() + 1, old.until()) : fresh);
    }

    private static String redisKey(String key) {
        return "yunxie:console-login:" + key;
    }

    private record Window(long count, Instant until) {
    }
}
