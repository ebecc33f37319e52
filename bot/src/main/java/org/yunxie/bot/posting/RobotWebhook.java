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

/**
 * Posts into a group through its WeCom group robot: {@code POST {api-base-url}/cgi-bin/webhook/send?key=KEY}
 * with a text or an image. WeCom answers 200 with an errcode; anything but 0 is a failure to retry.
 */
@Component
class RobotWebhook {

    /** Text messages of a group robot may carry at most 2048 bytes. */
    static final int TEXT_BYTES = 2048;

    private final RestClient http;
    private final WecomApiBase apiBase;

    RobotWebhook(RestClient.Builder builder, WecomApiBase apiBase) {
        this.http = builder.build();
        this.apiBase = apiBase;
    }

    void text(String key, String content) {
        send(key, Map.of("msgtype", "text", "text", Map.of("content", content)));
    }

    void image(String key, byte[] png) {
        send(key, Map.of("msgtype", "image", "image", Map.of(
                "base64", Base64.getEncoder().encodeToString(png), "md5", md5(png))));
    }

    private void send(String key, Map<String, Object> body) {
        JsonNode answer = http.post().uri(apiBase.url() + "/cgi-bin/webhook/send?key={key}", key)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(JsonNode.class);
        int errcode = answer == null ? -1 : answer.path("errcode").asInt(-1);
        if (errcode != 0) {
            throw new WebhookRefused(errcode, answer == null ? "no answer" : answer.path("errmsg").asText());
        }
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** WeCom refused the message; 45009 means the robot's per-minute budget was spent. */
    static class WebhookRefused extends RuntimeException {

        private final int errcode;

        WebhookRefused(int errcode, String errmsg) {
            super("group robot refused: " + errcode + " " + errmsg);
            this.errcode = errcode;
        }

        boolean rateLimited() {
            return errcode == 45009;
        }
    }
}
