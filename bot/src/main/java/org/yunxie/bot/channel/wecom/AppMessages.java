package org.yunxie.bot.channel.wecom;

import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.message.WxCpMessage;
import me.chanjar.weixin.cp.bean.message.WxCpMessageSendResult;
import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yunxie.bot.channel.CallbackRefused;
import org.yunxie.bot.command.Conversation;
import org.yunxie.bot.command.Sender;
import org.yunxie.bot.text.Chunks;
import org.yunxie.core.inbox.InboundMessage;
import org.yunxie.core.inbox.Inbox;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.shared.Channel;

/**
 * What the self-built app received, after the callback stored it: runs the command and sends the reply to
 * the person through WeCom's {@code message/send}, on a small pool of its own so the callback has answered
 * long before. A message the pool cannot take, or whose processing fails, stays unprocessed in the inbox
 * and {@link StalledMessages} tries it again. The command runs once per message: its reply is kept (see
 * {@link PendingReplies}) until sent, so a retry after a failed send only sends.
 */
@Component
class AppMessages {

    /** WeCom truncates a text message beyond 2048 bytes; longer replies go in parts. */
    static final int TEXT_LIMIT_BYTES = 2000;
    private static final Logger log = LoggerFactory.getLogger(AppMessages.class);

    private final Conversation conversation;
    private final Inbox inbox;
    private final PendingReplies pending;
    private final WxCpService wecom;
    private final WecomSettings settings;
    private final VoteCards cards;
    private final ThreadPoolExecutor pool;

    AppMessages(Conversation conversation, Inbox inbox, PendingReplies pending, WxCpService wecom,
                WecomSettings settings, VoteCards cards) {
        this.conversation = conversation;
        this.inbox = inbox;
        this.pending = pending;
        this.wecom = wecom;
        this.settings = settings;
        this.cards = cards;
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(2, 4, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(500), task -> {
            Thread thread = new Thread(task, "wecom-app-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
    }

    /** Parses a decrypted callback; the XML is WeCom's, already authenticated. */
    static WxCpXmlMessage parse(String xml) {
        try {
            return WxCpXmlMessage.fromXml(xml, null);
        } catch (RuntimeException e) {
            throw CallbackRefused.badRequest("not a WeCom message");
        }
    }

    /**
     * The key WeCom's retries share: the MsgId of a message; for an event the sender and CreateTime (and the
     * TaskId of a card click, since one person may click two cards within a second).
     */
    static String dedupeKey(WxCpXmlMessage message) {
        if (message.getMsgId() != null) {
            return "msg:" + message.getMsgId();
        }
        if (message.getFromUserName() == null || message.getCreateTime() == null) {
            throw CallbackRefused.badRequest("neither MsgId nor sender and time");
        }
        String key = "event:" + message.getFromUserName() + ":" + message.getCreateTime();
        return message.getTaskId() == null || message.getTaskId().isBlank() ? key : key + ":" + message.getTaskId();
    }

    /** Processes the message later, off the callback's thread; if the pool is full it waits for recovery. */
    void processLater(InboundMessage message) {
        try {
            pool.execute(() -> processQuietly(message));
        } catch (RejectedExecutionException e) {
            log.warn("WeCom app message {} left for recovery: the processing queue is full", message.id());
        }
    }

    private void processQuietly(InboundMessage message) {
        try {
            process(message);
        } catch (RuntimeException e) {
            log.warn("WeCom app message {} not processed yet, will be retried: {}", message.id(), e.toString());
        }
    }

    /** Runs the command (unless its reply is pending from an earlier try), sends the reply, marks it done. */
    void process(InboundMessage message) {
        Optional<PendingReplies.Pending> earlier = pending.find(message.id());
        String reply;
        if (earlier.isPresent()) {
            reply = earlier.get().text();
        } else {
            reply = answer(message);
            pending.computed(message.id(), reply);
        }
        if (!reply.isEmpty() && earlier.map(p -> !p.delivered()).orElse(true)) {
            send(message.sender(), reply);
            pending.delivered(message.id(), reply);
        }
        inbox.markProcessed(message.id(), reply.isEmpty() ? null : reply);
        pending.forget(message.id());
        log.debug("WeCom app message {} processed", message.id());
    }

    /** The command's reply, or empty text when there is nothing to answer (events). */
    private String answer(InboundMessage stored) {
        WxCpXmlMessage message = parse(stored.body());
        if ("event".equals(message.getMsgType())) {
            if (VoteCards.EVENT.equals(message.getEvent())) {
                return cards.clicked(message, stored.receivedAt());
            }
            // Other events (entering the app and the like) need no answer.
            log.debug("WeCom app event {} of inbox message {} needs no answer", message.getEvent(), stored.id());
            return "";
        }
        String from = message.getFromUserName();
        if (from == null || from.isBlank()) {
            return "";
        }
        String text = switch (String.valueOf(message.getMsgType())) {
            case "text" -> message.getContent();
            case "voice" -> message.getRecognition();
            default -> "";
        };
        // Answered after it was stored (at once, or by recovery later): a ballot in it counts as sent then.
        Sender sender = new Sender(new ChatIdentity(IdentityKind.WECOM_USER, from), from, Channel.WECOM_APP, null,
                stored.receivedAt());
        return conversation.handleOrRetryLater(sender, text == null ? "" : text).text();
    }

    private void send(String userid, String text) {
        for (String part : Chunks.of(text, TEXT_LIMIT_BYTES)) {
            WxCpMessage message = WxCpMessage.TEXT().agentId(settings.agentId()).toUser(userid).content(part).build();
            try {
                WxCpMessageSendResult result = wecom.getMessageService().send(message);
                if (result.getInvalidUser() != null && !result.getInvalidUser().isBlank()) {
                    log.warn("WeCom did not deliver a reply: the user is not visible to the app");
                }
            } catch (WxErrorException e) {
                throw new IllegalStateException("WeCom message/send failed: " + e.getError().getErrorCode() + " "
                        + e.getError().getErrorMsg(), e);
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            // What is left stays unprocessed in the inbox; another instance (or the next start) takes it.
            pool.shutdownNow();
        }
    }
}
