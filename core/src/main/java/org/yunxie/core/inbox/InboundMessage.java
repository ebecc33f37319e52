package org.yunxie.core.inbox;

import java.time.Instant;

import org.yunxie.core.shared.Channel;

/** A message a channel received and acknowledged: kept until processed, with the reply it got. */
public record InboundMessage(long id, Channel channel, String dedupeKey, Instant receivedAt, String sender,
                             String chatId, String body, Instant processedAt, String reply) {
}
