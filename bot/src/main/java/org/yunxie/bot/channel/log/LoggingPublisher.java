package org.yunxie.bot.channel.log;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yunxie.bot.announcement.Announcements;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.outbox.OutboxMessage;
import org.yunxie.core.outbox.OutboxPublisher;

/**
 * Stands in for the WeCom channels until they land: writes each announcement to the log instead of a
 * group, so the embedded profile shows what would be posted. Only our own rendered text is logged, one
 * line per message; it names households by unit label, never residents by name, and never quotes what
 * residents wrote.
 */
@Component
class LoggingPublisher implements OutboxPublisher {

    private static final Logger log = LoggerFactory.getLogger(LoggingPublisher.class);

    private final Announcements announcements;
    private final ChatGroups groups;

    LoggingPublisher(Announcements announcements, ChatGroups groups) {
        this.announcements = announcements;
        this.groups = groups;
    }

    @Override
    public void publish(OutboxMessage message) {
        String text = announcements.render(message);
        String group = message.chatGroupId() == null ? "(no group)"
                : groups.find(message.chatGroupId()).map(ChatGroup::name).orElse("(unknown group)");
        log.info("Announcement {} {} to group {} {}: {}", message.id(), message.kind(), message.chatGroupId(), group,
                text.replace("\n", " / "));
    }
}
