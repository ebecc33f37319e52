package org.yunxie.core.ballot;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.yunxie.core.round.Round;
import org.yunxie.core.rule.Tally;
import org.yunxie.core.shared.PerTransaction;

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
    private static final String BUMP_KEEP_SECONDS = Long.toString(KEEP.multipliedBy(6).toSeconds());
    /** INCR and EXPIRE of the version key as one script (sent by its SHA once Redis knows it). */
    private static final RedisScript<Long> BUMP = RedisScript.of(
            "local v = redis.call('INCR', KEYS[1]) redis.call('EXPIRE', KEYS[1], ARGV[1]) return v", Long.class);

    private final CountingBallots counting;
    private final StringRedisTemplate redis;
    private final PerTransaction<Set<Long>> toForget =
            PerTransaction.untilCommitted(LinkedHashSet::new, rounds -> rounds.forEach(this::forget));

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

    /**
     * Forgets the round's tally once the running transaction has committed (at once if none runs): once a round
     * however many of its ballots the transaction stored, as votes answered together often are one round's.
     */
    void forgetAfterCommit(long roundId) {
        Set<Long> rounds = toForget.current();
        if (rounds == null) {
            forget(roundId);
        } else {
            rounds.add(roundId);
        }
    }

    void forget(long roundId) {
        try {
            // One round trip for both, on the shared connection: this runs after every committed ballot, and a
            // pipeline would take a dedicated connection, opened and closed again for each call.
            redis.execute(BUMP, List.of(versionKey(roundId)), BUMP_KEEP_SECONDS);
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
