package org.yunxie.bot.channel.wecom;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.yunxie.bot.channel.Answers;
import org.yunxie.bot.channel.CallbackRefused;
import org.yunxie.bot.channel.CallbackCrypto;
import org.yunxie.bot.channel.Deliveries;
import org.yunxie.bot.text.Wording;
import org.yunxie.core.inbox.InboundMessage;
import org.yunxie.core.inbox.Inbox;
import org.yunxie.core.shared.Channel;

/**
 * The smart robot (智能机器人) in API mode: group @-mentions and 1:1 messages arrive here as encrypted JSON
 * (its own token and key, receive id ""). A message is verified, run through the conversation and stored
 * once (retries share its msgid) with its reply, in the command's own transaction, and answered in the same
 * response with an encrypted finished stream, so the reply appears in the group at once. A retried delivery
 * gets the reply stored the first time. When the command cannot be run now (it failed, or a burst left no
 * turn free) the message is stored on its own, the person is told the answer comes later, and
 * {@link StalledMessages} sends it through the response_url.
 *
 * <p>Every vote comes through here, so this is a plain servlet (registered in {@link WecomConfiguration}), not a
 * Spring MVC controller: handler lookup, dispatch and argument binding cost more of the bot's CPU per vote than the
 * callback crypto (JFR of the load harness).
 */
final class RobotCallbackServlet extends HttpServlet {

    static final int MAX_BODY_CHARS = 256 * 1024;
    /** How long a retry waits for the first delivery of the same message to finish. */
    static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(2);
    private static final Logger log = LoggerFactory.getLogger(RobotCallbackServlet.class);

    private final transient Optional<CallbackCrypto> crypto;
    private final transient ObjectMapper json;
    private final transient Deliveries deliveries;
    private final transient Inbox inbox;
    private final transient RobotMessages messages;
    private final transient StalledMessages waiting;
    private final transient Wording words;

    RobotCallbackServlet(WecomSettings settings, ObjectMapper json, Deliveries deliveries, Inbox inbox,
                         RobotMessages messages, StalledMessages waiting, Wording words, Clock clock) {
        this.crypto = CallbackCrypto.of(settings.robot().token(), settings.robot().aesKey(), "", clock);
        this.json = json;
        this.deliveries = deliveries;
        this.inbox = inbox;
        this.messages = messages;
        this.waiting = waiting;
        this.words = words;
        if (crypto.isEmpty()) {
            log.info("WeCom smart robot /wecom/robot is off: yunxie.wecom.robot.token or aes-key not set");
        }
    }

    /** The URL check when the robot is set up: the decrypted echostr, bare. */
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, () -> Answers.plain(crypto().open(request.getParameter("msg_signature"),
                request.getParameter("timestamp"), request.getParameter("nonce"), request.getParameter("echostr"))));
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        write(response, () -> answer(request.getParameter("msg_signature"), request.getParameter("timestamp"),
                request.getParameter("nonce"), body(request)));
    }

    /**
     * A refusal is answered with its status; anything else that fails (the database unreachable above all)
     * is answered 500 without detail, so WeCom delivers the message again.
     */
    private static void write(HttpServletResponse response, Answering answering) throws IOException {
        ResponseEntity<String> answer;
        try {
            answer = answering.answer();
        } catch (CallbackRefused refused) {
            log.warn("Smart robot callback refused ({}): {}", refused.status().value(), refused.getMessage());
            answer = Answers.refusal(refused);
        } catch (RuntimeException e) {
            if (RobotMessages.unreachable(e)) {
                log.warn("Smart robot callback answered 500, the database is unreachable: {}", e.toString());
            } else {
                log.error("Smart robot callback answered 500", e);
            }
            answer = failed();
        }
        response.setStatus(answer.getStatusCode().value());
        MediaType type = answer.getHeaders().getContentType();
        byte[] bytes = answer.getBody() == null ? new byte[0] : answer.getBody().getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            response.setContentType(type.toString());
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        }
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** Not answered 200, so WeCom delivers the message again; nothing about it is revealed. */
    private static ResponseEntity<String> failed() {
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).contentType(MediaType.TEXT_PLAIN)
                .body(HttpStatus.INTERNAL_SERVER_ERROR.getReasonPhrase());
    }

    @FunctionalInterface
    private interface Answering {
        ResponseEntity<String> answer() throws IOException;
    }

    private ResponseEntity<String> answer(String signature, String timestamp, String nonce, String body) {
        CallbackCrypto crypto = crypto();
        String plaintext = crypto.open(signature, timestamp, nonce, encryptPart(body));
        Optional<RobotMessages.RobotMessage> read = messages.read(plaintext);
        if (read.isEmpty()) {
            // Events, images, stream refreshes: nothing to answer; an empty body is WeCom's "no reply".
            return ResponseEntity.ok().body("");
        }
        RobotMessages.RobotMessage message = read.get();
        // No Redis check first: a retry (rare: WeCom retries only an answer it did not get within 5 s) runs
        // the command again and the inbox's unique key undoes it, where a check would cost every message two
        // more round trips.
        RobotMessages.AtOnce atOnce;
        try {
            atOnce = messages.answerAtOnce(message);
        } catch (RuntimeException e) {
            if (RobotMessages.unreachable(e)) {
                // Storing the message first would wait for the database once more, past WeCom's 5 s. Not
                // answered 200, so WeCom delivers it again.
                throw e;
            }
            log.warn("Smart robot message not answered in one transaction, stored first instead: {}", e.toString());
            atOnce = RobotMessages.AtOnce.NOT_NOW;
        }
        return switch (atOnce.outcome()) {
            case REPLIED -> sealed(crypto, atOnce.reply(), nonce);
            case REPEATED -> answerRepeat(crypto, message.msgid(), nonce);
            case NOT_NOW -> storeFirst(crypto, message, plaintext, nonce);
            case BUSY -> storeForLater(crypto, message, plaintext, nonce);
        };
    }

    /**
     * A burst larger than this instance records as it comes: the message is stored for whichever instance
     * gets to it first (the durable promise that it will be answered), the person is told the answer follows,
     * and it does, through the response_url, as soon as a turn is free. A database outage is thrown: not
     * answered 200, WeCom delivers it again.
     */
    private ResponseEntity<String> storeForLater(CallbackCrypto crypto, RobotMessages.RobotMessage message,
                                                 String plaintext, String nonce) {
        // The inbox's unique key alone turns a repeat away: no Redis round trips for each message of a burst.
        Optional<InboundMessage> stored = inbox.acceptForAnyone(Channel.WECOM_ROBOT,
                Deliveries.inboxKey(message.msgid()), message.userid(), message.chatId(), plaintext);
        if (stored.isEmpty()) {
            return answerRepeat(crypto, message.msgid(), nonce);
        }
        log.debug("Smart robot message taken in for later as inbox message {}", stored.get().id());
        waiting.wake();
        return sealed(crypto, words.text("wecom.reply-later"), nonce);
    }

    /**
     * The long way, when the command could not run in one transaction with storing the message: the message
     * is stored first (so a database outage is answered non-200 and WeCom retries), then answered, else the
     * recovery job answers it later through its response_url.
     */
    private ResponseEntity<String> storeFirst(CallbackCrypto crypto, RobotMessages.RobotMessage message,
                                              String plaintext, String nonce) {
        Optional<InboundMessage> stored = deliveries.accept(Channel.WECOM_ROBOT, message.msgid(), message.userid(),
                message.chatId(), plaintext);
        if (stored.isEmpty()) {
            return answerRepeat(crypto, message.msgid(), nonce);
        }
        InboundMessage first = stored.get();
        log.debug("Smart robot message received as inbox message {}", first.id());
        String reply;
        try {
            reply = messages.replyToNew(first);
        } catch (RuntimeException e) {
            log.error("Smart robot message {} not processed now; the recovery job answers it later", first.id(), e);
            return sealed(crypto, words.text("wecom.reply-later"), nonce);
        }
        try {
            messages.answered(first, reply);
        } catch (RuntimeException e) {
            log.warn("Smart robot message {} answered but not yet marked processed: {}", first.id(), e.toString());
        }
        return sealed(crypto, reply, nonce);
    }

    /** A retried delivery: the reply stored the first time, waiting briefly if the first is still running. */
    private ResponseEntity<String> answerRepeat(CallbackCrypto crypto, String msgid, String nonce) {
        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        Optional<InboundMessage> first = inbox.find(Channel.WECOM_ROBOT, Deliveries.inboxKey(msgid));
        while (first.isPresent() && first.get().processedAt() == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            first = inbox.find(Channel.WECOM_ROBOT, Deliveries.inboxKey(msgid));
        }
        if (first.isPresent() && first.get().processedAt() != null) {
            log.debug("Smart robot message {} repeated; answered with the stored reply", first.get().id());
            String reply = first.get().reply();
            return reply == null || reply.isBlank() ? ResponseEntity.ok().body("") : sealed(crypto, reply, nonce);
        }
        return sealed(crypto, words.text("wecom.reply-later"), nonce);
    }

    private ResponseEntity<String> sealed(CallbackCrypto crypto, String markdown, String nonce) {
        CallbackCrypto.Sealed sealed = crypto.seal(messages.streamReply(markdown), nonce);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(messages.write(Map.of(
                "encrypt", sealed.encrypt(), "msgsignature", sealed.signature(),
                "timestamp", Long.parseLong(sealed.timestamp()), "nonce", sealed.nonce())));
    }

    /** The request body as UTF-8 text, refused when larger than WeCom ever sends. */
    private static String body(HttpServletRequest request) throws IOException {
        byte[] bytes = request.getInputStream().readNBytes(MAX_BODY_CHARS + 1);
        if (bytes.length > MAX_BODY_CHARS) {
            throw CallbackRefused.tooLarge();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private String encryptPart(String body) {
        if (body == null || body.isBlank()) {
            throw CallbackRefused.badRequest("empty body");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw CallbackRefused.tooLarge();
        }
        try {
            JsonNode envelope = json.readTree(body);
            JsonNode encrypt = envelope == null ? null : envelope.get("encrypt");
            if (encrypt == null || !encrypt.isTextual()) {
                throw CallbackRefused.badRequest("no encrypt field");
            }
            return encrypt.asText();
        } catch (JsonProcessingException e) {
            throw CallbackRefused.badRequest("not a JSON envelope");
        }
    }

    private CallbackCrypto crypto() {
        return crypto.orElseThrow(() -> CallbackRefused.notConfigured("the WeCom smart robot"));
    }
}
