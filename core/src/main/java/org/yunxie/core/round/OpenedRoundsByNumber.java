package org.yunxie.core.round;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Opened rounds found by their number, kept per instance as first read: a round's number, id, kind, rule and
 * options never change once it opens, and every numbered ballot ("#12 同意") looks its round up. Its state
 * (deadline, closed, cancelled) moves on, so only callers that read none of it may use these copies.
 */
@Component
class OpenedRoundsByNumber {

    private record Key(long communityId, int number) {
    }

    private final RoundMapper mapper;
    private final OpenedRoundMemory<Key, Round> kept = new OpenedRoundMemory<>(round -> round.openedAt() != null);

    OpenedRoundsByNumber(RoundMapper mapper) {
        this.mapper = mapper;
    }

    Optional<Round> find(long communityId, int number) {
        return Optional.ofNullable(kept.get(new Key(communityId, number),
                key -> mapper.findByNumber(key.communityId(), key.number()).orElse(null)));
    }
}
