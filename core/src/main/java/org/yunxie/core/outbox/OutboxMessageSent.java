package org.yunxie.core.outbox;

/** Published after a message was sent and marked, so that others can record what it announced. */
public record OutboxMessageSent(OutboxMessage message) {
}
