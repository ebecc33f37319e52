package org.yunxie.bot.command;

import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.shared.Channel;

/**
 * Who sent a message and from where: the chat identity, the name the channel shows, the channel, and the
 * chat group when it came from a group bound to one (null in a 1:1 chat), as the channel found it.
 */
public record Sender(ChatIdentity identity, String displayName, Channel channel, ChatGroup group) {
}
