package org.yunxie.core.round;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Opened rounds kept per instance as first read: a round's number, id, kind, rule and options never change once
 * it opens, and every ballot looks its round up, by number ("#12 同意") and then by id. Its state (deadline,
 * closed, cancelled) moves on, so only callers that read none of it, or read it afresh, may use these copies.
 */
@Component
class OpenedRounds {

    private record Key(long communityId, int number) {
    }

    private final RoundMapper mapper;
    private final OpenedRoundMemory<Long, Round> byId = new OpenedRoundMemory<>(round -> round.openedAt() != null);
    private final OpenedRoundMemory<Key, Round> byNumber =
            new OpenedRoundMemory<>(round -> round.openedAt() != null);

    OpenedRounds(RoundMapper mapper) {
        this.mapper = mapper;
    }

    Optional<Round> find(long communityId, int number) {
        return Optional.ofNullable(byNumber.get(new Key(communityId, number),
                key -> mapper.findByNumber(key.communityId(), key.number()).map(this::keptCopy).orElse(null)));
    }

    Optional<Round> find(long id) {
        return Optional.ofNullable(byId.get(id, key -> mapper.findById(key).orElse(null)));
    }

    /** The copy already kept by id, so that a round found both ways is held once. */
    private Round keptCopy(Round read) {
        return byId.get(read.id(), id -> read);
    }
}
