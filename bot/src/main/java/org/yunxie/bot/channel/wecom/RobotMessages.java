package org.yunxie.bot.channel.wecom;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.client.RestClient;
import org.yunxie.bot.channel.Answers;
import org.yunxie.bot.channel.CallbackRefused;
import org.yunxie.bot.channel.Deliveries;
import org.yunxie.bot.command.Conversation;
import org.yunxie.bot.command.Sender;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.inbox.InboundMessage;
import org.yunxie.core.inbox.Inbox;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Transactions;

/**
 * The smart robot's messages (JSON, API mode): who wrote in which group, what, and how to answer. The
 * reply goes back in the HTTP response as a finished stream ({@link RobotCallbackServlet}); one that
 * could not be given there goes later, once, to the message's {@code response_url} as markdown.
 */
@Component
class RobotMessages {

    /** WeCom's limit for a stream's content. */
    static final int STREAM_LIMIT_BYTES = 20_480;
    /** A response_url takes one reply, within an hour of the message. */
    static final Duration RESPONSE_URL_VALID = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(RobotMessages.class);

    private final ObjectMapper json;
    private final Conversation conversation;
    private final ChatGroups groups;
    private final Inbox inbox;
    private final PendingReplies pending;
    private final Transactions transactions;
    private final AnsweringTurns turns;
    private final AnsweringTogether<RobotMessage, AtOnce> together;
    private final RestClient http;
    private final Clock clock;

    RobotMessages(ObjectMapper json, Conversation conversation, ChatGroups groups, Inbox inbox,
                  PendingReplies pending, Transactions transactions, AnsweringTurns turns, WecomSettings settings,
                  RestClient.Builder http, Clock clock) {
        this.json = json;
        this.conversation = conversation;
        this.groups = groups;
        this.inbox = inbox;
        this.pending = pending;
        this.transactions = transactions;
        this.turns = turns;
        this.together = new AnsweringTogether<>(turns, settings.robot().together(), this::answerInOneTransaction,
                this::answerInOneTransaction, RobotMessages::unreachable);
        this.http = http.build();
        this.clock = clock;
    }

    /** What answering a message in one transaction came to; the reply is set only for {@code REPLIED}. */
    record AtOnce(Outcome outcome, String reply) {
        enum Outcome { REPLIED, REPEATED, NOT_NOW, BUSY }

        static final AtOnce REPEATED = new AtOnce(Outcome.REPEATED, null);
        static final AtOnce NOT_NOW = new AtOnce(Outcome.NOT_NOW, null);
        static final AtOnce BUSY = new AtOnce(Outcome.BUSY, null);
    }

    /** A message a person wrote (text, or voice WeCom turned into text), as the robot received it. */
    record RobotMessage(String msgid, String chatId, boolean inGroup, String userid, String responseUrl,
                        String content, String plaintext) {
    }

    /** Reads a decrypted callback; empty for what is not a person's message to answer (events, images). */
    Optional<RobotMessage> read(String plaintext) {
        JsonNode message;
        try {
            message = json.readTree(plaintext);
        } catch (JsonProcessingException e) {
            throw CallbackRefused.badRequest("not JSON");
        }
        if (message == null || !message.isObject()) {
            throw CallbackRefused.badRequest("not a JSON object");
        }
        JsonNode id = message.path("msgid");
        String msgid = id.isValueNode() && !id.isNull() && !id.asText().isBlank() ? id.asText() : null;
        String userid = text(message.path("from").path("userid"));
        String content = switch (message.path("msgtype").asText("")) {
            case "text" -> text(message.path("text").path("content"));
            case "voice" -> text(message.path("voice").path("content"));
            case "mixed" -> mixedText(message.path("mixed"));
            default -> null;
        };
        if (msgid == null || userid == null || content == null) {
            return Optional.empty();
        }
        return Optional.of(new RobotMessage(msgid, text(message.path("chatid")),
                "group".equals(message.path("chattype").asText()), userid, text(message.path("response_url")),
                content, plaintext));
    }

    /**
     * Runs the message's command and stores the message with its reply in one transaction, so that what the
     * command did, the message and its reply become durable together with one commit (or not at all, and
     * nothing was acknowledged). {@code REPEATED}: the inbox had the message already, and what this delivery
     * did was undone. {@code NOT_NOW}: a part of the command failed and was undone; the caller stores the
     * message first and answers it the long way. {@code BUSY}: no turn came soon ({@link AnsweringTurns}),
     * nothing was done; the caller stores the message for later. A database outage is thrown. Messages that
     * wait for a turn together are answered together, in one transaction ({@link AnsweringTogether}).
     */
    AtOnce answerAtOnce(RobotMessage message) {
        return together.ifTurnSoon(message).orElse(AtOnce.BUSY);
    }

    private AtOnce answerInOneTransaction(RobotMessage message) {
        return transactions.retryingWithStatus(status -> {
            String reply = command(message, message.msgid(), null);
            if (status.isRollbackOnly()) {
                return AtOnce.NOT_NOW;
            }
            if (inbox.recordAnswered(Channel.WECOM_ROBOT, Deliveries.inboxKey(message.msgid()), message.userid(),
                    message.chatId(), message.plaintext(), reply).isEmpty()) {
                status.setRollbackOnly();
                return AtOnce.REPEATED;
            }
            return new AtOnce(AtOnce.Outcome.REPLIED, reply);
        });
    }

    /**
     * Several messages in one transaction, one commit for all. Declined, and nothing of it kept, when any of them
     * would not simply be replied to: each is then answered alone, so that a repeat or a failed command undoes
     * only what its own message did.
     */
    private Optional<List<AtOnce>> answerInOneTransaction(List<RobotMessage> messages) {
        return transactions.retryingWithStatus(status -> {
            groups.findAhead(messages.stream().filter(RobotMessage::inGroup).map(RobotMessage::chatId).toList());
            List<Conversation.Said> said = messages.stream()
                    .map(message -> conversation.read(sender(message, message.msgid(), null), message.content()))
                    .toList();
            conversation.readAhead(said);
            List<AtOnce> answers = new ArrayList<>(messages.size());
            List<Inbox.Answered> answered = new ArrayList<>(messages.size());
            for (int i = 0; i < messages.size(); i++) {
                RobotMessage message = messages.get(i);
                String reply = conversation.handleOrRetryLater(said.get(i)).text();
                if (status.isRollbackOnly()) {
                    return Optional.empty();
                }
                answers.add(new AtOnce(AtOnce.Outcome.REPLIED, reply));
                answered.add(new Inbox.Answered(Deliveries.inboxKey(message.msgid()), message.userid(),
                        message.chatId(), message.plaintext(), reply));
            }
            // All stored with one statement; a repeat among them undoes the whole group.
            if (!inbox.recordAllAnswered(Channel.WECOM_ROBOT, answered)) {
                status.setRollbackOnly();
                return Optional.empty();
            }
            return Optional.of(answers);
        });
    }

    /** How many messages wait for a turn to be answered together now. */
    int waitingTogether() {
        return together.waiting();
    }

    /**
     * The database cannot be reached (no connection came within the pool's timeout): answering alone would wait
     * for it once more. MyBatis wraps what a call outside a transaction met, so the causes are looked at too.
     */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }

    /** The reply to a stored message: the one kept from an earlier try, else the command's. */
    private String replyTo(InboundMessage stored) {
        Optional<PendingReplies.Pending> earlier = pending.find(stored.id());
        if (earlier.isPresent()) {
            return earlier.get().text();
        }
        return run(stored, turns::behindNewMessages);
    }

    /** The reply to a message the inbox has just taken in: no earlier try can have kept a reply for it. */
    String replyToNew(InboundMessage stored) {
        return run(stored, turns::whenTurn);
    }

    private String run(InboundMessage stored, Function<Supplier<String>, String> inTurn) {
        RobotMessage message = read(stored.body()).orElseThrow(() -> new IllegalStateException(
                "inbox message " + stored.id() + " is not a robot message to answer"));
        String reply = inTurn.apply(() -> command(message, "inbox message " + stored.id(), stored.receivedAt()));
        pending.computed(stored.id(), reply);
        return reply;
    }

    /** Runs the message's command; {@code sentAt} when it is answered later than it came, else null. */
    private String command(RobotMessage message, Object logId, Instant sentAt) {
        return conversation.handleOrRetryLater(sender(message, logId, sentAt), message.content()).text();
    }

    private Sender sender(RobotMessage message, Object logId, Instant sentAt) {
        ChatGroup group = message.inGroup() && message.chatId() != null
                ? groups.findByWecomChatId(message.chatId()).orElse(null) : null;
        if (message.inGroup() && group == null) {
            log.info("Smart robot message {} from a chat bound to no group", logId);
        }
        return new Sender(new ChatIdentity(IdentityKind.WECOM_USER, message.userid()), message.userid(),
                Channel.WECOM_ROBOT, group, sentAt);
    }

    /** The reply went back in the HTTP response: the message is done. */
    void answered(InboundMessage stored, String reply) {
        try {
            inbox.markProcessed(stored.id(), reply);
        } catch (RuntimeException e) {
            // Not marked: the recovery job takes the message up again and must only record the reply.
            pending.delivered(stored.id(), reply);
            throw e;
        }
        pending.forget(stored.id());
    }

    /**
     * Answers a message whose first answer failed: through its response_url while that is still valid
     * (else the reply is only recorded), and marks it processed.
     */
    void recover(InboundMessage stored) {
        Optional<PendingReplies.Pending> earlier = pending.find(stored.id());
        String reply = replyTo(stored);
        boolean delivered = earlier.map(PendingReplies.Pending::delivered).orElse(false);
        if (!delivered && !reply.isBlank()) {
            String responseUrl = read(stored.body()).map(RobotMessage::responseUrl).orElse(null);
            if (responseUrl == null || stored.receivedAt().plus(RESPONSE_URL_VALID).isBefore(clock.instant())) {
                log.warn("Smart robot message {} answered too late for its response_url; reply only recorded",
                        stored.id());
            } else {
                postMarkdown(responseUrl, reply);
                pending.delivered(stored.id(), reply);
            }
        }
        inbox.markProcessed(stored.id(), reply);
        pending.forget(stored.id());
        log.info("Smart robot message {} answered after recovery", stored.id());
    }

    /** The plaintext of a passive reply: a finished stream with the reply as markdown. */
    String streamReply(String markdown) {
        return write(Map.of("msgtype", "stream", "stream", Map.of("id", UUID.randomUUID().toString().replace("-", ""),
                "finish", true, "content", truncate(markdown, STREAM_LIMIT_BYTES))));
    }

    private void postMarkdown(String responseUrl, String markdown) {
        String body = write(Map.of("msgtype", "markdown", "markdown",
                Map.of("content", truncate(markdown, STREAM_LIMIT_BYTES))));
        JsonNode answer = http.post().uri(responseUrl).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(JsonNode.class);
        int errcode = answer == null ? 0 : answer.path("errcode").asInt(0);
        if (errcode != 0) {
            throw new IllegalStateException("response_url refused the reply: errcode " + errcode);
        }
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String mixedText(JsonNode mixed) {
        StringBuilder text = new StringBuilder();
        for (JsonNode item : mixed.path("msg_item")) {
            if ("text".equals(item.path("msgtype").asText())) {
                String part = text(item.path("text").path("content"));
                if (part != null) {
                    text.append(text.isEmpty() ? "" : " ").append(part);
                }
            }
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }

    /** At most {@code limit} bytes of UTF-8, cut between characters. */
    static String truncate(String text, int limit) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= limit) {
            return text;
        }
        int end = 0;
        int used = 0;
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            used += text.substring(end, next).getBytes(StandardCharsets.UTF_8).length;
            if (used > limit) {
                break;
            }
            end = next;
        }
        return text.substring(0, end);
    }
}
