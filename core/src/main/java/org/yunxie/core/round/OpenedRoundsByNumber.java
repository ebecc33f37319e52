package org.yunxie.core.round;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Opened rounds found by their number, kept per instance as first read: a round's number, id, kind, rule and
 * options never change once it opens, and every numbered ballot ("#12 同意") looks its round up. Its state
 * (deadline, closed, cancelled) moves on, so only callers that read none of it may use these copies.
 */
@Component
class OpenedRoundsByNumber {

    private static final int ROUNDS_KEPT = 20_000;

    private record Key(long communityId, int number) {
    }

    private final RoundMapper mapper;
    private final Map<Key, Round> kept = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Round> eldest) {
            return size() > ROUNDS_KEPT;
        }
    };

    OpenedRoundsByNumber(RoundMapper mapper) {
        this.mapper = mapper;
    }

    Optional<Round> find(long communityId, int number) {
        Key key = new Key(communityId, number);
        synchronized (kept) {
            Round round = kept.get(key);
            if (round != null) {
                return Optional.of(round);
            }
        }
        Optional<Round> found = mapper.findByNumber(communityId, number);
        found.filter(round -> round.openedAt() != null).ifPresent(round -> {
            synchronized (kept) {
                kept.put(key, round);
            }
        });
        return found;
    }
}
