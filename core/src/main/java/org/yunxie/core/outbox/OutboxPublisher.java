package org.yunxie.core.outbox;

/**
 * Posts outbox messages to their chat groups; implemented by the channels. Returning means sent;
 * throwing {@link PublishLater} defers without counting an attempt (a rate limit); any other exception
 * is a failed attempt, retried with back-off.
 */
public interface OutboxPublisher {

    void publish(OutboxMessage message) throws Exception;
}
