package org.yunxie.bot.channel.wecom;

import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The reply to an inbox message between running the command and recording it as processed, kept in Redis
 * so that a retry after a failed send (or a failed write of the processed mark) sends the same reply
 * instead of running the command again: a second run would record a ballot change, or a second proposal.
 * Best effort: with Redis down a retry runs the command again, which is what it would do without this.
 */
@Component
class PendingReplies {

    static final Duration KEPT_FOR = Duration.ofDays(2);
    private static final Logger log = LoggerFactory.getLogger(PendingReplies.class);
    private static final String COMPUTED = "C:";
    private static final String DELIVERED = "D:";

    private final StringRedisTemplate redis;

    PendingReplies(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** What the command answered (empty text: nothing to send), and whether it reached the person. */
    record Pending(String text, boolean delivered) {
    }

    Optional<Pending> find(long inboxId) {
        try {
            String value = redis.opsForValue().get(key(inboxId));
            if (value == null || value.length() < 2) {
                return Optional.empty();
            }
            return Optional.of(new Pending(value.substring(2), value.startsWith(DELIVERED)));
        } catch (RuntimeException e) {
            log.warn("Pending reply of inbox message {} not read, Redis unavailable: {}", inboxId, e.toString());
            return Optional.empty();
        }
    }

    void computed(long inboxId, String text) {
        put(inboxId, COMPUTED + text);
    }

    void delivered(long inboxId, String text) {
        put(inboxId, DELIVERED + text);
    }

    void forget(long inboxId) {
        try {
            redis.delete(key(inboxId));
        } catch (RuntimeException e) {
            log.debug("Pending reply of inbox message {} not removed: {}", inboxId, e.toString());
        }
    }

    private void put(long inboxId, String value) {
        try {
            redis.opsForValue().set(key(inboxId), value, KEPT_FOR);
        } catch (RuntimeException e) {
            log.warn("Pending reply of inbox message {} not kept, Redis unavailable: {}", inboxId, e.toString());
        }
    }

    private static String key(long inboxId) {
        return "yunxie:wecom:pending-reply:" + inboxId;
    }
}
