package org.yunxie.bot.channel.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yunxie.bot.announcement.Announcements;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.outbox.OutboxMessage;

/**
 * Writes announcements for groups that are not connected to WeCom to the log instead, so nothing is lost
 * silently and staff can see what would have been posted. Only our own rendered text is logged, one
 * line per message; it names households by unit label, never residents by name, and never quotes what
 * residents wrote.
 */
@Component
public class LoggingPublisher {

    private static final Logger log = LoggerFactory.getLogger(LoggingPublisher.class);

    private final Announcements announcements;
    private final ChatGroups groups;

    LoggingPublisher(Announcements announcements, ChatGroups groups) {
        this.announcements = announcements;
        this.groups = groups;
    }

    public void publish(OutboxMessage message) {
        String text = announcements.render(message);
        String group = message.chatGroupId() == null ? "(no group)"
                : groups.find(message.chatGroupId()).map(ChatGroup::name).orElse("(unknown group)");
        log.info("Announcement {} {} to group {} {}: {}", message.id(), message.kind(), message.chatGroupId(), group,
                text.replace("\n", " / "));
    }
}
