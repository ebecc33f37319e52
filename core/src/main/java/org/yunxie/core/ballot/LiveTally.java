package org.yunxie.core.ballot;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.yunxie.core.round.Round;
import org.yunxie.core.rule.Tally;

/**
 * The tally of an open round, cached in Redis for the many "#结果" and coverage reads. The cache key carries
 * a per-round version that every committed ballot bumps, so a stale tally is never read back. Redis being
 * down only costs speed: the tally is then counted from the database.
 */
@Component
public class LiveTally {

    private static final Logger log = LoggerFactory.getLogger(LiveTally.class);
    private static final Duration KEEP = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CountingBallots counting;
    private final StringRedisTemplate redis;

    LiveTally(CountingBallots counting, StringRedisTemplate redis) {
        this.counting = counting;
        this.redis = redis;
    }

    public Tally of(Round round) {
        String key = null;
        try {
            String version = redis.opsForValue().get(versionKey(round.id()));
            key = "yunxie:tally:" + round.id() + ":" + (version == null ? "0" : version);
            String cached = redis.opsForValue().get(key);
            if (cached != null) {
                return JSON.readValue(cached, Tally.class);
            }
        } catch (RuntimeException | JsonProcessingException e) {
            log.warn("Live tally cache unavailable, counting round {} from the database: {}", round.id(), e.toString());
            key = null;
        }
        Tally tally = counting.count(round);
        if (key != null) {
            store(key, tally);
        }
        return tally;
    }

    /** Called after a ballot commits. */
    void forget(long roundId) {
        try {
            // One round trip for both: this runs after every committed ballot.
            byte[] key = versionKey(roundId).getBytes(StandardCharsets.UTF_8);
            long seconds = KEEP.multipliedBy(6).toSeconds();
            redis.executePipelined((RedisCallback<Object>) connection -> {
                connection.stringCommands().incr(key);
                connection.keyCommands().expire(key, seconds);
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Could not invalidate the live tally of round {}: {}", roundId, e.toString());
        }
    }

    private void store(String key, Tally tally) {
        try {
            redis.opsForValue().set(key, JSON.writeValueAsString(tally), KEEP);
        } catch (RuntimeException | JsonProcessingException e) {
            log.warn("Could not cache the live tally under {}: {}", key, e.toString());
        }
    }

    private static String versionKey(long roundId) {
        return "yunxie:tally-version:" + roundId;
    }
}
