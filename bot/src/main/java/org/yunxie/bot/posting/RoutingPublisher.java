package org.yunxie.bot.posting;

import org.springframework.stereotype.Component;
import org.yunxie.bot.channel.mp.MpNotices;
import org.yunxie.core.outbox.OutboxMessage;
import org.yunxie.core.outbox.OutboxPublisher;

/** Sends each outbox message its way: a notice to one member through the official account, the rest to groups. */
@Component
class RoutingPublisher implements OutboxPublisher {

    private final GroupPublisher groups;
    private final MpNotices notices;

    RoutingPublisher(GroupPublisher groups, MpNotices notices) {
        this.groups = groups;
        this.notices = notices;
    }

    @Override
    public void publish(OutboxMessage message) throws Exception {
        if (message.memberId() != null) {
            notices.publish(message);
        } else {
            groups.publish(message);
        }
    }
}
