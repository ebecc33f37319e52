package org.yunxie.core.roster;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Bound members found by their chat identity, kept per instance: every message asks who sent it. Binding is
 * the one change to what is kept (bindings are only ever added), and every binding, on any instance, moves a
 * version in Redis once it commits; a kept copy is used only while the version it was read under is current.
 * Without Redis nothing is kept and nothing is read from memory, and a copy is at most {@link #KEEP} old
 * however Redis fares. Members bound to no household are not kept: they are the ones about to bind.
 */
@Component
class KnownMembers {

    static final Duration KEEP = Duration.ofSeconds(60);
    static final String VERSION_KEY = "yunxie:roster-version";
    private static final int MAX_KEPT = 50_000;
    private static final Logger log = LoggerFactory.getLogger(KnownMembers.class);

    private record Kept(BoundMember member, String version, Instant until) {
    }

    private final StringRedisTemplate redis;
    private final Clock clock;
    private final Map<ChatIdentity, Kept> kept = new ConcurrentHashMap<>();

    KnownMembers(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    /** The member kept for the identity while still current, else the one {@code read} finds (then kept). */
    Optional<BoundMember> find(ChatIdentity identity, Function<ChatIdentity, Optional<BoundMember>> read) {
        String version = version();
        if (version == null) {
            kept.clear();
            return read.apply(identity);
        }
        Instant now = clock.instant();
        Kept copy = kept.get(identity);
        if (copy != null && copy.version().equals(version) && now.isBefore(copy.until())) {
            return Optional.of(copy.member());
        }
        Optional<BoundMember> found = read.apply(identity);
        if (found.isPresent() && !found.get().bindings().isEmpty()) {
            if (kept.size() >= MAX_KEPT) {
                kept.clear();
            }
            kept.put(identity, new Kept(found.get(), version, now.plus(KEEP)));
        } else if (copy != null) {
            kept.remove(identity, copy);
        }
        return found;
    }

    /** A binding is being made: forget every kept member here now, and everywhere once it has committed. */
    void changing() {
        kept.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    changed();
                }
            });
        } else {
            changed();
        }
    }

    private void changed() {
        kept.clear();
        try {
            redis.opsForValue().increment(VERSION_KEY);
        } catch (RuntimeException e) {
            log.warn("Could not tell other instances of a new binding; they may keep a member's earlier bindings"
                    + " for up to {} s: {}", KEEP.toSeconds(), e.toString());
        }
    }

    private String version() {
        try {
            String version = redis.opsForValue().get(VERSION_KEY);
            return version == null ? "0" : version;
        } catch (RuntimeException e) {
            log.debug("Redis unavailable, members read from the database: {}", e.toString());
            return null;
        }
    }
}
