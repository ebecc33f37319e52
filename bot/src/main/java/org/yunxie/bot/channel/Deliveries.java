package org.yunxie.bot.channel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.yunxie.core.inbox.InboundMessage;
import org.yunxie.core.inbox.Inbox;
import org.yunxie.core.shared.Channel;

/**
 * Takes a verified delivery from a chat platform (WeCom, the official account) in at most once. Redis answers first (SET NX with a TTL on the delivery's key,
 * shared by every instance) so that WeCom's retries of a message already stored cost no database work; the
 * inbox's unique key is the final guard and the durable record. Redis only ever lets a delivery through
 * to the inbox when in doubt: while the first delivery is still being stored (or its instance died
 * before storing it) the key says "accepting" and a retry goes on to the inbox, which decides; only
 * "accepted" - written after the inbox has the message - turns a retry away at once. Redis being down
 * never stops a message: the inbox decides alone.
 */
@Component
public class Deliveries {

    static final Duration SEEN_FOR = Duration.ofHours(24);
    /** The inbox keeps keys of up to 160 characters; longer ones (never seen from WeCom) are hashed. */
    static final int MAX_KEY_CHARS = 160;
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private static final String ACCEPTING = "accepting";
    private static final String ACCEPTED = "accepted";

    private final StringRedisTemplate redis;
    private final Inbox inbox;

    public Deliveries(StringRedisTemplate redis, Inbox inbox) {
        this.redis = redis;
        this.inbox = inbox;
    }

    /** The stored message when this delivery is the first of its key; empty for a repeat. */
    public Optional<InboundMessage> accept(Channel channel, String deliveryKey, String sender, String chatId, String body) {
        String key = inboxKey(deliveryKey);
        String redisKey = redisKey(channel, key);
        if (alreadyAccepted(redisKey)) {
            return Optional.empty();
        }
        Optional<InboundMessage> stored;
        try {
            stored = inbox.accept(channel, key, sender, chatId, body);
        } catch (RuntimeException e) {
            forget(redisKey);
            throw e;
        }
        remember(redisKey);
        return stored;
    }

    /** Whether Redis knows the key as accepted; claims it as "accepting" when it is new. */
    private boolean alreadyAccepted(String redisKey) {
        try {
            Boolean claimed = redis.opsForValue().setIfAbsent(redisKey, ACCEPTING, SEEN_FOR);
            if (Boolean.TRUE.equals(claimed)) {
                return false;
            }
            return ACCEPTED.equals(redis.opsForValue().get(redisKey));
        } catch (RuntimeException e) {
            log.warn("WeCom de-duplication falls back to the inbox, Redis unavailable: {}", e.toString());
            return false;
        }
    }

    private void remember(String redisKey) {
        try {
            redis.opsForValue().set(redisKey, ACCEPTED, SEEN_FOR);
        } catch (RuntimeException e) {
            log.debug("Could not mark {} as accepted in Redis: {}", redisKey, e.toString());
        }
    }

    private void forget(String redisKey) {
        try {
            redis.delete(redisKey);
        } catch (RuntimeException e) {
            log.debug("Could not release {} in Redis: {}", redisKey, e.toString());
        }
    }

    /** The key a delivery is stored under in the inbox. */
    public static String inboxKey(String deliveryKey) {
        if (deliveryKey.length() <= MAX_KEY_CHARS) {
            return deliveryKey;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(deliveryKey.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String redisKey(Channel channel, String key) {
        return "yunxie:wecom:seen:" + channel.name().toLowerCase() + ":" + key;
    }
}
