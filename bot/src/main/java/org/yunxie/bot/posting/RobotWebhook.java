package org.yunxie.bot.posting;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.yunxie.bot.channel.wecom.WecomApiBase;
import org.yunxie.core.group.ChatGroup;

/**
 * Posts into a group through its WeCom group robot: {@code POST {api-base-url}/cgi-bin/webhook/send?key=KEY}
 * with a text or an image, 20 messages a minute per robot. WeCom answers 200 with an errcode; anything but
 * 0 is a failure to retry, 45009 a spent budget.
 */
@Component
class RobotWebhook implements GroupPoster {

    private final RestClient http;
    private final WecomApiBase apiBase;

    RobotWebhook(RestClient.Builder builder, WecomApiBase apiBase) {
        this.http = builder.build();
        this.apiBase = apiBase;
    }

    @Override
    public int perMinute() {
        return 20;
    }

    @Override
    public int textBytes() {
        return 2048;
    }

    @Override
    public void text(ChatGroup group, String content) {
        send(group.robotWebhookKey(), Map.of("msgtype", "text", "text", Map.of("content", content)));
    }

    @Override
    public void image(ChatGroup group, byte[] png) {
        send(group.robotWebhookKey(), Map.of("msgtype", "image", "image", Map.of(
                "base64", Base64.getEncoder().encodeToString(png), "md5", md5(png))));
    }

    private void send(String key, Map<String, Object> body) {
        JsonNode answer = http.post().uri(apiBase.url() + "/cgi-bin/webhook/send?key={key}", key)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class);
        int errcode = answer == null ? -1 : answer.path("errcode").asInt(-1);
        if (errcode != 0) {
            throw new Refused("group robot refused: " + errcode + " "
                    + (answer == null ? "no answer" : answer.path("errmsg").asText()), errcode == 45009);
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
