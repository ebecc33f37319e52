package org.yunxie.core.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;

/**
 * The durable record of what the channels received. A message is accepted once per channel and key (WeCom's
 * MsgId, or sender and time for events): a retried delivery finds it there and is not processed again.
 * Accepting claims the message for a while; one whose claim ran out unprocessed (its instance died) is
 * claimed again by whoever asks for stalled messages, so exactly one instance works on it at a time.
 */
@Service
public class Inbox {

    /** How long the instance that accepted a message has to process it before others may take over. */
    public static final Duration CLAIM = Duration.ofSeconds(60);

    private final InboxMapper mapper;
    private final Clock clock;

    Inbox(InboxMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Stores and claims the message; empty when the same message was accepted before. */
    public Optional<InboundMessage> accept(Channel channel, String dedupeKey, String sender, String chatId,
                                           String body) {
        return accept(channel, dedupeKey, sender, chatId, body, CLAIM);
    }

    /**
     * Stores the message unclaimed, for whichever instance next asks for messages waiting to be processed
     * ({@link #claimStalled}); empty when the same message was accepted before.
     */
    public Optional<InboundMessage> acceptForAnyone(Channel channel, String dedupeKey, String sender, String chatId,
                                                    String body) {
        // A claim already over, even for a look in the same millisecond (the inbox keeps milliseconds).
        return accept(channel, dedupeKey, sender, chatId, body, Duration.ofMillis(-1));
    }

    private Optional<InboundMessage> accept(Channel channel, String dedupeKey, String sender, String chatId,
                                            String body, Duration claim) {
        Instant now = clock.instant();
        InboundMessage message = new InboundMessage(0, channel, dedupeKey, now, sender, chatId, body, null, null);
        try {
            NewId id = new NewId();
            mapper.insert(message, now.plus(claim), id);
            // What was just written, without reading it back: this runs for every delivery.
            return Optional.of(new InboundMessage(id.value(), channel, dedupeKey, now, sender, chatId, body, null,
                    null));
        } catch (DuplicateKeyException seenBefore) {
            return Optional.empty();
        }
    }

    /**
     * Stores a message already answered, as part of the caller's transaction (the one that ran the command):
     * the message, what it did and its reply become durable together, or not at all. Empty when the same
     * message was accepted before; the caller must then roll back what it did for this delivery.
     */
    public Optional<InboundMessage> recordAnswered(Channel channel, String dedupeKey, String sender, String chatId,
                                                   String body, String reply) {
        Instant now = clock.instant();
        InboundMessage message = new InboundMessage(0, channel, dedupeKey, now, sender, chatId, body, now, reply);
        try {
            NewId id = new NewId();
            mapper.insertAnswered(message, id);
            return Optional.of(new InboundMessage(id.value(), channel, dedupeKey, now, sender, chatId, body, now,
                    reply));
        } catch (DuplicateKeyException seenBefore) {
            return Optional.empty();
        }
    }

    /** A message answered, to be stored with others answered in the same transaction. */
    public record Answered(String dedupeKey, String sender, String chatId, String body, String reply) {
    }

    /**
     * Stores messages already answered in the caller's transaction, as {@link #recordAnswered} does, with one
     * statement. False when any of them was accepted before (or comes twice): none is stored then, and the
     * caller must roll back what it did for them.
     */
    public boolean recordAllAnswered(Channel channel, List<Answered> messages) {
        Instant now = clock.instant();
        List<InboundMessage> rows = messages.stream().map(m -> new InboundMessage(0, channel, m.dedupeKey(), now,
                m.sender(), m.chatId(), m.body(), now, m.reply())).toList();
        try {
            mapper.insertAllAnswered(rows);
            return true;
        } catch (DuplicateKeyException seenBefore) {
            return false;
        }
    }

    public Optional<InboundMessage> find(Channel channel, String dedupeKey) {
        return mapper.findByKey(channel, dedupeKey);
    }

    /** Records the reply; false when it was processed already. */
    public boolean markProcessed(long id, String reply) {
        return mapper.markProcessed(id, reply, clock.instant()) == 1;
    }

    /**
     * When the oldest message still waiting to be processed came in, of those that came in after {@code since}:
     * a ballot in it was sent then, and may still be recorded as sent then.
     */
    public Optional<Instant> oldestWaitingSince(Instant since) {
        return mapper.findOldestUnprocessedSince(since);
    }

    /**
     * Claims and returns the channels' messages waiting to be processed, oldest first: those whose instance
     * stopped before processing them, and those stored for anyone.
     */
    public List<InboundMessage> claimStalled(Set<Channel> channels, int limit) {
        Instant now = clock.instant();
        return mapper.findUnprocessed(now, channels, limit).stream()
                .filter(message -> mapper.claim(message.id(), now, now.plus(CLAIM)) == 1)
                .toList();
    }
}
