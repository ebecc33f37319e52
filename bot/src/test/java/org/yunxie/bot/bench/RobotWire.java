package org.yunxie.bot.bench;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.entity.ContentType;
import org.apache.http.entity.StringEntity;

/**
 * The smart robot's wire format as WeCom sends it: a JSON message sealed with the robot's Token and
 * EncodingAESKey (receive id ""), posted as {"encrypt": ...} with msg_signature, timestamp and nonce in the
 * query; and the reading of the bot's sealed passive reply.
 */
final class RobotWire {

    /** Made-up credentials of the harness's robot; the bots under test are started with the same. */
    static final String TOKEN = "load-robot-token";
    static final String AES_KEY = "loadRobotEncodingAesKey0123456789abcdefghij";
    static final String[] CHOICES = {"同意", "反对", "弃权"};

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern RECEIPT = Pattern.compile("回执 ?([23456789A-Z]{4})");

    private final WxCryptUtil crypt = new WxCryptUtil(TOKEN, AES_KEY, "");
    private final String responseBase;

    /** @param responseBase where the messages' response_url points (the fake WeCom), for recovered replies */
    RobotWire(String responseBase) {
        this.responseBase = responseBase;
    }

    WxCryptUtil crypt() {
        return crypt;
    }

    /** One resident's vote: who, in which group chat, on which round, for which household, what. */
    record Vote(String msgid, String userid, String chatId, int roundNumber, long roundId, long householdId,
                String unitLabel, boolean nameUnit, String choice) {

        String text() {
            return "@云协商 #" + roundNumber + " " + choice + (nameUnit ? " " + unitLabel : "");
        }
    }

    /** A delivery of a vote, sealed now (a retry is sealed again with a new timestamp and nonce, as WeCom does). */
    record Sealed(Vote vote, String query, String body) {

        HttpPost post(String url) {
            HttpPost post = new HttpPost(url + "?" + query);
            post.setEntity(new StringEntity(body, ContentType.APPLICATION_JSON));
            return post;
        }
    }

    Sealed seal(Vote vote) {
        try {
            String plain = JSON.writeValueAsString(Map.of("msgid", vote.msgid(), "aibotid", "load-harness",
                    "chatid", vote.chatId(), "chattype", "group", "from", Map.of("userid", vote.userid()),
                    "response_url", responseBase + "/robot-response/" + vote.msgid(), "msgtype", "text",
                    "text", Map.of("content", vote.text())));
            WxCryptUtil.EncryptContext sealed = crypt.encryptContext(plain);
            String query = "msg_signature=" + sealed.getSignature() + "&timestamp=" + sealed.getTimeStamp()
                    + "&nonce=" + sealed.getNonce();
            return new Sealed(vote, query, JSON.writeValueAsString(Map.of("encrypt", sealed.getEncrypt())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the bot answered, read from its sealed reply. */
    enum Answer {
        /** The vote was recorded and read back with a receipt. */
        RECORDED,
        /** "系统正忙，稍后在群里回复您": accepted, the answer follows through response_url. */
        LATER,
        /** "这次没有记录任何内容": the command failed and the resident is asked to send again. */
        FAILED,
        /** Any other reply (a refusal, help). */
        OTHER,
        /** 200 with an empty body. */
        EMPTY,
        /** 200 but the reply could not be opened. */
        UNREADABLE
    }

    record Reading(Answer answer, String receipt, String text) {
    }

    Reading read(byte[] responseBody) {
        String body = new String(responseBody, StandardCharsets.UTF_8);
        if (body.isBlank()) {
            return new Reading(Answer.EMPTY, null, "");
        }
        try {
            JsonNode envelope = JSON.readTree(body);
            String plain = crypt.decrypt(envelope.path("encrypt").asText());
            String content = JSON.readTree(plain).path("stream").path("content").asText("");
            Matcher receipt = RECEIPT.matcher(content);
            if (receipt.find()) {
                return new Reading(Answer.RECORDED, receipt.group(1), content);
            }
            if (content.contains("稍后在群里回复")) {
                return new Reading(Answer.LATER, null, content);
            }
            if (content.contains("没有记录任何内容")) {
                return new Reading(Answer.FAILED, null, content);
            }
            return new Reading(Answer.OTHER, null, content);
        } catch (Exception e) {
            return new Reading(Answer.UNREADABLE, null, body.length() > 200 ? body.substring(0, 200) : body);
        }
    }
}
