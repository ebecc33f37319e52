package org.yunxie.core.outbox;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Queues messages for the groups in the caller's transaction, so a message exists exactly when the change
 * it announces does. The dedupe key makes queuing the same announcement twice a no-op.
 */
@Component
public class Outbox {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboxMapper mapper;
    private final Clock clock;

    Outbox(OutboxMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Queues a message for a group; returns false when a message with this key was already queued. */
    public boolean enqueue(OutboxKind kind, String dedupeKey, Long roundId, Long chatGroupId, Map<String, ?> facts) {
        return insert(kind, dedupeKey, roundId, chatGroupId, null, facts);
    }

    /** Queues a notice for one member; returns false when a notice with this key was already queued. */
    public boolean enqueueForMember(OutboxKind kind, String dedupeKey, long roundId, long memberId,
                                    Map<String, ?> facts) {
        return insert(kind, dedupeKey, roundId, null, memberId, facts);
    }

    private boolean insert(OutboxKind kind, String dedupeKey, Long roundId, Long chatGroupId, Long memberId,
                           Map<String, ?> facts) {
        try {
            mapper.insert(dedupeKey, kind, roundId, chatGroupId, memberId, JSON.writeValueAsString(facts),
                    clock.instant());
            return true;
        } catch (DuplicateKeyException alreadyQueued) {
            return false;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("outbox facts must be plain values", e);
        }
    }

    public Optional<OutboxMessage> find(String dedupeKey) {
        return mapper.findByKey(dedupeKey);
    }

    public List<OutboxMessage> ofRound(long roundId) {
        return mapper.findByRound(roundId);
    }

    /** Reads a message's facts back. */
    public static Map<String, Object> facts(OutboxMessage message) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> facts = JSON.readValue(message.payload(), Map.class);
            return facts;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("outbox message " + message.id() + " has a broken payload", e);
        }
    }
}
