package org.yunxie.bot.sandbox;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The sandbox's WeCom: turns what a person types in a chat window into the callback WeCom would send,
 * encrypted and signed with the configured token and key, and posts it over HTTP to the bot's own
 * endpoints, exactly as WeCom's servers would. A group message goes to the smart robot endpoint as an
 * @-mention; a 1:1 message goes to the app callback. The robot's passive reply is verified and decrypted
 * like WeCom does before it is shown.
 */
@Component
@SandboxEnabled
class PlayingWecom {

    static final String ROBOT_NAME = "云协商";

    /** A delivery as sent, kept so the sandbox can deliver it again as WeCom's retries do. */
    record Delivery(String path, String query, String body, String chat, String msgid) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final RestClient http;
    private final ChatLog chats;
    private final SandboxWecomApi api;
    private final Environment environment;
    private final Sealing appSeal;
    private final Sealing robotSeal;
    private final String corpId;
    private final int agentId;
    private final Clock clock;
    private final AtomicLong msgIds = new AtomicLong(System.currentTimeMillis() * 1000);

    PlayingWecom(RestClient.Builder http, ChatLog chats, SandboxWecomApi api, Environment environment,
                 @Value("${yunxie.wecom.corp-id}") String corpId, @Value("${yunxie.wecom.agent-id}") int agentId,
                 @Value("${yunxie.wecom.token}") String token, @Value("${yunxie.wecom.aes-key}") String aesKey,
                 @Value("${yunxie.wecom.robot.token}") String robotToken,
                 @Value("${yunxie.wecom.robot.aes-key}") String robotAesKey, Clock clock) {
        this.http = http.build();
        this.chats = chats;
        this.api = api;
        this.environment = environment;
        this.corpId = corpId;
        this.agentId = agentId;
        this.clock = clock;
        this.appSeal = new Sealing(token, aesKey, corpId, clock);
        this.robotSeal = new Sealing(robotToken, robotAesKey, "", clock);
    }

    /** A person @-mentions the robot in a group; returns the delivery (for a later re-delivery). */
    Delivery sayInGroup(long groupId, String chatId, String userid, String name, String text) {
        chats.add(ChatLog.group(groupId), name, ChatLog.Author.PERSON, text, null);
        String msgid = "sandbox-" + msgIds.incrementAndGet();
        api.expectRobotResponse(msgid, groupId);
        Map<String, Object> message = Map.of("msgid", msgid, "aibotid", "sandbox-robot", "chatid", chatId,
                "chattype", "group", "from", Map.of("userid", userid),
                "response_url", base() + "/sandbox/wecom/robot-response/" + msgid,
                "msgtype", "text", "text", Map.of("content", "@" + ROBOT_NAME + " " + text));
        WxCryptUtil.EncryptContext sealed = robotSeal.seal(write(message));
        Delivery delivery = new Delivery("/wecom/robot", Sealing.query(sealed), write(Map.of("encrypt", sealed.getEncrypt())),
                ChatLog.group(groupId), msgid);
        deliver(delivery);
        return delivery;
    }

    /** A person writes to the app in a 1:1 chat; the bot answers later through the message API. */
    Delivery sayPrivately(String userid, String name, String text) {
        chats.add(ChatLog.person(userid), name, ChatLog.Author.PERSON, text, null);
        String msgid = Long.toString(msgIds.incrementAndGet());
        String xml = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><FromUserName><![CDATA[" + userid
                + "]]></FromUserName><CreateTime>" + clock.instant().getEpochSecond() + "</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text.replace("]]>", "]] >")
                + "]]></Content><MsgId>" + msgid + "</MsgId><AgentID>" + agentId + "</AgentID></xml>";
        WxCryptUtil.EncryptContext sealed = appSeal.seal(xml);
        String body = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><Encrypt><![CDATA["
                + sealed.getEncrypt() + "]]></Encrypt><AgentID><![CDATA[" + agentId + "]]></AgentID></xml>";
        Delivery delivery = new Delivery("/wecom/callback", Sealing.query(sealed), body, ChatLog.person(userid), msgid);
        deliver(delivery);
        return delivery;
    }

    /** A person taps a button of a vote card in the 1:1 chat: WeCom sends the app a card event. */
    Delivery clickCard(String userid, String name, String taskId, String key, String buttonText) {
        chats.add(ChatLog.person(userid), name, ChatLog.Author.PERSON, "（点了卡片按钮「" + buttonText + "」）", null);
        long now = clock.instant().getEpochSecond();
        String code = api.responseCode(taskId, userid);
        String xml = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><FromUserName><![CDATA[" + userid
                + "]]></FromUserName><CreateTime>" + now + "</CreateTime><MsgType><![CDATA[event]]></MsgType>"
                + "<Event><![CDATA[template_card_event]]></Event><EventKey><![CDATA[" + key + "]]></EventKey>"
                + "<TaskId><![CDATA[" + taskId + "]]></TaskId><CardType><![CDATA[button_interaction]]></CardType>"
                + "<ResponseCode><![CDATA[" + (code == null ? "" : code) + "]]></ResponseCode>"
                + "<AgentID>" + agentId + "</AgentID></xml>";
        WxCryptUtil.EncryptContext sealed = appSeal.seal(xml);
        String body = "<xml><ToUserName><![CDATA[" + corpId + "]]></ToUserName><Encrypt><![CDATA["
                + sealed.getEncrypt() + "]]></Encrypt><AgentID><![CDATA[" + agentId + "]]></AgentID></xml>";
        Delivery delivery = new Delivery("/wecom/callback", Sealing.query(sealed), body, ChatLog.person(userid), taskId);
        deliver(delivery);
        return delivery;
    }

    /** Sends a delivery (again): what the bot answers in a group shows in that group's window. */
    void deliver(Delivery delivery) {
        String answer = http.post().uri(base() + delivery.path() + "?" + delivery.query())
                .contentType(delivery.path().equals("/wecom/robot") ? MediaType.APPLICATION_JSON : MediaType.TEXT_XML)
                .body(delivery.body()).retrieve().body(String.class);
        if (delivery.path().equals("/wecom/robot") && answer != null && !answer.isBlank()) {
            String content = passiveReply(answer);
            if (content != null) {
                chats.add(delivery.chat(), ROBOT_NAME, ChatLog.Author.BOT, content, null);
            }
        }
    }

    private String passiveReply(String answer) {
        try {
            JsonNode sealed = json.readTree(answer);
            String plain = robotSeal.open(sealed.path("msgsignature").asText(),
                    sealed.path("timestamp").asText(), sealed.path("nonce").asText(), sealed.path("encrypt").asText());
            JsonNode reply = json.readTree(plain);
            return reply.path("stream").path("content").asText(reply.path("markdown").path("content").asText(null));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the robot endpoint answered something WeCom would not accept", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String base() {
        // Read when sending: the port is known only once the web server has started.
        return "http://127.0.0.1:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }

    static String newUserid() {
        return "sandbox." + UUID.randomUUID().toString().substring(0, 8);
    }
}
