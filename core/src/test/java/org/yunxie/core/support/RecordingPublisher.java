package org.yunxie.core.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.yunxie.core.outbox.OutboxMessage;
import org.yunxie.core.outbox.OutboxPublisher;

/** Stands in for the chat channels: keeps what it was asked to send. */
public class RecordingPublisher implements OutboxPublisher {

    private final List<OutboxMessage> sent = new CopyOnWriteArrayList<>();

    @Override
    public void publish(OutboxMessage message) {
        sent.add(message);
    }

    public List<OutboxMessage> sent() {
        return List.copyOf(sent);
    }

    public List<OutboxMessage> sentForRound(long roundId) {
        return sent.stream().filter(message -> message.roundId() != null && message.roundId() == roundId).toList();
    }
}
