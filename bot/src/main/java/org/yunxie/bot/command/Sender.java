package org.yunxie.bot.command;

import java.time.Instant;

import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.shared.Channel;

/**
 * Who sent a message and from where: the chat identity, the name the channel shows, the channel, and the
 * chat group when it came from a group bound to one (null in a 1:1 chat), as the channel found it; and when it
 * was sent, for a message answered later than it came (taken in during a burst, or before a restart), null for
 * one answered as it comes.
 */
public record Sender(ChatIdentity identity, String displayName, Channel channel, ChatGroup group, Instant sentAt) {

    public Sender(ChatIdentity identity, String displayName, Channel channel, ChatGroup group) {
        this(identity, displayName, channel, group, null);
    }
}
