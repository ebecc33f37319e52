package org.yunxie.bot.channel.mp;

import java.util.Optional;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.springframework.stereotype.Component;
import org.yunxie.bot.channel.Deliveries;
import org.yunxie.bot.command.Conversation;
import org.yunxie.bot.command.Sender;
import org.yunxie.core.inbox.InboundMessage;
import org.yunxie.core.inbox.Inbox;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.shared.Channel;

/**
 * A 1:1 message to the official account: taken in once (Redis, then the inbox), run through the same command
 * language as the WeCom channels with the sender's openid, answered with the read-back. A retried delivery
 * gets the answer stored the first time.
 */
@Component
class MpMessages {

    private final Deliveries deliveries;
    private final Inbox inbox;
    private final Conversation conversation;

    MpMessages(Deliveries deliveries, Inbox inbox, Conversation conversation) {
        this.deliveries = deliveries;
        this.inbox = inbox;
        this.conversation = conversation;
    }

    /** The reply to send back, or empty text when there is nothing to answer. */
    String answer(WxMpXmlMessage message, String xml) {
        String from = message.getFromUser();
        if (from == null || from.isBlank() || !"text".equals(message.getMsgType())) {
            return "";
        }
        String key = message.getMsgId() != null ? "msg:" + message.getMsgId() : "event:" + from + ":" + message.getCreateTime();
        Optional<InboundMessage> stored = deliveries.accept(Channel.OFFICIAL_ACCOUNT, key, from, null, xml);
        if (stored.isEmpty()) {
            return inbox.find(Channel.OFFICIAL_ACCOUNT, Deliveries.inboxKey(key)).map(InboundMessage::reply)
                    .orElse("");
        }
        String reply = conversation.handle(new Sender(new ChatIdentity(IdentityKind.MP_OPENID, from),
                from, Channel.OFFICIAL_ACCOUNT, null), message.getContent()).text();
        inbox.markProcessed(stored.get().id(), reply);
        return reply;
    }

    /** A passive text reply to the person who wrote (to and from swapped). */
    static String textReply(WxMpXmlMessage message, String text) {
        return "<xml><ToUserName><![CDATA[" + message.getFromUser() + "]]></ToUserName><FromUserName><![CDATA["
                + message.getToUser() + "]]></FromUserName><CreateTime>" + (System.currentTimeMillis() / 1000)
                + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA["
                + text.replace("]]>", "]] >") + "]]></Content></xml>";
    }
}
