package org.yunxie.bot.channel.wecom;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * Plays WeCom's servers in the tests: seals messages with WxJava's {@link WxCryptUtil} (as WeCom's own
 * libraries do), signs them, and calls the bot's endpoints over real HTTP.
 */
final class WecomSide {

    /** What WeCom puts on the URL and in the body. */
    record Sealed(String signature, String timestamp, String nonce, String encrypt) {

        Sealed withSignature(String other) {
            return new Sealed(other, timestamp, nonce, encrypt);
        }

        Sealed withEncrypt(String other) {
            return new Sealed(signature, timestamp, nonce, other);
        }

        String query() {
            return "msg_signature=" + encode(signature) + "&timestamp=" + encode(timestamp) + "&nonce="
                    + encode(nonce);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String base;
    private final Clock clock;

    WecomSide(int port, Clock clock) {
        this.base = "http://127.0.0.1:" + port;
        this.clock = clock;
    }

    /** Seals a plaintext for a receive id, signed with the token, stamped with the bot's clock. */
    Sealed seal(String token, String aesKey, String receiveId, String plaintext) {
        String encrypt = new WxCryptUtil(token, aesKey, receiveId).encrypt(randomText(), plaintext);
        return sign(token, Long.toString(clock.instant().getEpochSecond()), encrypt);
    }

    Sealed sign(String token, String timestamp, String encrypt) {
        String nonce = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        return new Sealed(SHA1.gen(token, timestamp, nonce, encrypt), timestamp, nonce, encrypt);
    }

    Sealed sealForApp(String plaintext) {
        return seal(WecomChannelTest.TOKEN, WecomChannelTest.AES_KEY, WecomChannelTest.CORP_ID, plaintext);
    }

    Sealed sealForRobot(String plaintext) {
        return seal(WecomChannelTest.ROBOT_TOKEN, WecomChannelTest.ROBOT_AES_KEY, "", plaintext);
    }

    HttpResponse<String> verify(String path, Sealed sealed) {
        return send(HttpRequest.newBuilder(URI.create(base + path + "?" + sealed.query() + "&echostr="
                + encode(sealed.encrypt()))).GET());
    }

    /** POSTs to the app callback in WeCom's XML envelope. */
    HttpResponse<String> postApp(Sealed sealed) {
        String envelope = "<xml><ToUserName><![CDATA[" + WecomChannelTest.CORP_ID + "]]></ToUserName><Encrypt><![CDATA["
                + sealed.encrypt() + "]]></Encrypt><AgentID><![CDATA[" + WecomChannelTest.AGENT_ID
                + "]]></AgentID></xml>";
        return post("/wecom/callback", sealed, envelope, "text/xml");
    }

    /** POSTs to the smart robot endpoint in its JSON envelope. */
    HttpResponse<String> postRobot(Sealed sealed) {
        return post("/wecom/robot", sealed, "{\"encrypt\":\"" + sealed.encrypt() + "\"}", "application/json");
    }

    HttpResponse<String> post(String path, Sealed sealed, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path + "?" + sealed.query()))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A text message to the app, as WeCom's plaintext XML. */
    static String appText(String from, String content, long msgId, long createTime) {
        return "<xml><ToUserName><![CDATA[" + WecomChannelTest.CORP_ID + "]]></ToUserName><FromUserName><![CDATA["
                + from + "]]></FromUserName><CreateTime>" + createTime + "</CreateTime><MsgType><![CDATA[text]]>"
                + "</MsgType><Content><![CDATA[" + content + "]]></Content><MsgId>" + msgId + "</MsgId><AgentID>"
                + WecomChannelTest.AGENT_ID + "</AgentID></xml>";
    }

    /** A group @-mention to the smart robot, as WeCom's plaintext JSON. */
    String robotGroupText(String msgid, String chatId, String userid, String content, String responseUrl) {
        return write(json.createObjectNode().put("msgid", msgid).put("aibotid", "aibTest").put("chatid", chatId)
                .put("chattype", "group").<com.fasterxml.jackson.databind.node.ObjectNode>set("from",
                        json.createObjectNode().put("userid", userid))
                .put("response_url", responseUrl).put("msgtype", "text")
                .set("text", json.createObjectNode().put("content", content)));
    }

    /** Opens the robot's passive reply as WeCom does, with WxJava: signature checked, then decrypted. */
    JsonNode openRobotReply(String answer) {
        JsonNode sealed = read(answer);
        String plain = new WxCryptUtil(WecomChannelTest.ROBOT_TOKEN, WecomChannelTest.ROBOT_AES_KEY, "")
                .decryptContent(sealed.path("msgsignature").asText(), sealed.path("timestamp").asText(),
                        sealed.path("nonce").asText(), sealed.path("encrypt").asText());
        return read(plain);
    }

    JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String randomText() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            text.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
