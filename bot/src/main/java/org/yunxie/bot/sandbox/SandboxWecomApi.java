package org.yunxie.bot.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.yunxie.bot.channel.Answers;
import org.yunxie.core.group.ChatGroup;

/**
 * Stands in for the WeCom API at {@code yunxie.wecom.api-base-url}: the bot's outgoing calls (access token,
 * message to a person, group robot webhook, app chat, card update, active reply to a robot message) land
 * here and appear in the sandbox's chat windows. Answers as WeCom does, errcode included: a wrong secret or
 * token is refused, and a group robot allows 20 messages a minute (45009 beyond).
 */
@RestController
@RequestMapping("/sandbox/wecom")
@SandboxEnabled
class SandboxWecomApi {

    static final int ROBOT_PER_MINUTE = 20;

    private final ChatLog chats;
    private final SandboxDirectory directory;
    private final String corpId;
    private final String secret;
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> robotMessageGroups = new ConcurrentHashMap<>();
    private final Map<String, Integer> robotMinute = new ConcurrentHashMap<>();
    private final Map<String, String> responseCodes = new ConcurrentHashMap<>();
    private final Map<String, String> media = new ConcurrentHashMap<>();

    SandboxWecomApi(ChatLog chats, SandboxDirectory directory, @Value("${yunxie.wecom.corp-id}") String corpId,
                    @Value("${yunxie.wecom.secret}") String secret) {
        this.chats = chats;
        this.directory = directory;
        this.corpId = corpId;
        this.secret = secret;
    }

    @GetMapping("/cgi-bin/gettoken")
    Map<String, Object> token(@RequestParam String corpid, @RequestParam String corpsecret) {
        if (!corpId.equals(corpid) || !secret.equals(corpsecret)) {
            return Map.of("errcode", 40001, "errmsg", "invalid credential");
        }
        String token = "sandbox-token-" + UUID.randomUUID();
        tokens.add(token);
        return Map.of("errcode", 0, "errmsg", "ok", "access_token", token, "expires_in", 7200);
    }

    @PostMapping("/cgi-bin/message/send")
    Map<String, Object> sendToPerson(@RequestParam("access_token") String token, @RequestBody JsonNode body) {
        if (!tokens.contains(token)) {
            return invalidToken();
        }
        boolean card = body.path("msgtype").asText().equals("template_card");
        for (String userid : body.path("touser").asText().split("\\|")) {
            if (card) {
                JsonNode template = body.path("template_card");
                List<ChatLog.Button> buttons = new ArrayList<>();
                template.path("button_list").forEach(button -> buttons.add(
                        new ChatLog.Button(button.path("text").asText(), button.path("key").asText())));
                String task = template.path("task_id").asText();
                responseCodes.put(task + "|" + userid, UUID.randomUUID().toString());
                chats.add(ChatLog.person(userid), "云协商", ChatLog.Author.BOT,
                        template.path("main_title").path("title").asText() + " "
                                + template.path("main_title").path("desc").asText() + "\n"
                                + template.path("sub_title_text").asText(), null, task, buttons, null);
            } else {
                chats.add(ChatLog.person(userid), "云协商", ChatLog.Author.BOT,
                        body.path("text").path("content").asText(body.path("markdown").path("content").asText()), null);
            }
        }
        return Map.of("errcode", 0, "errmsg", "ok", "msgid", UUID.randomUUID().toString());
    }

    /** The response code WeCom puts in a card click, which lets the app update that card once. */
    String responseCode(String taskId, String userid) {
        return responseCodes.get(taskId + "|" + userid);
    }

    @PostMapping("/cgi-bin/message/update_template_card")
    Map<String, Object> updateCard(@RequestParam("access_token") String token, @RequestBody JsonNode body) {
        if (!tokens.contains(token)) {
            return invalidToken();
        }
        String code = body.path("response_code").asText();
        if (!responseCodes.values().remove(code)) {
            return Map.of("errcode", 40150, "errmsg", "invalid response_code: unknown or used");
        }
        for (JsonNode userid : body.path("userids")) {
            chats.add(ChatLog.person(userid.asText()), "云协商", ChatLog.Author.BOT,
                    "卡片已更新：" + body.path("button").path("replace_name").asText(), null);
        }
        return Map.of("errcode", 0, "errmsg", "ok");
    }

    @PostMapping("/cgi-bin/webhook/send")
    Map<String, Object> robot(@RequestParam String key, @RequestBody JsonNode body) {
        ChatGroup group = directory.byWebhookKey(key).orElse(null);
        if (group == null) {
            return Map.of("errcode", 93000, "errmsg", "invalid webhook url");
        }
        long now = Instant.now().getEpochSecond() / Duration.ofMinutes(1).toSeconds();
        robotMinute.keySet().removeIf(counted -> !counted.endsWith(":" + now));
        String minute = key + ":" + now;
        if (robotMinute.merge(minute, 1, Integer::sum) > ROBOT_PER_MINUTE) {
            chats.add(ChatLog.group(group.id()), "企业微信", ChatLog.Author.ANNOUNCEMENT,
                    "（群机器人拒绝了一条消息：超过每分钟 " + ROBOT_PER_MINUTE + " 条，errcode 45009）", null);
            return Map.of("errcode", 45009, "errmsg", "api freq out of limit");
        }
        post(group.id(), body, "群机器人");
        return Map.of("errcode", 0, "errmsg", "ok");
    }

    @PostMapping("/cgi-bin/appchat/send")
    Map<String, Object> appChat(@RequestParam("access_token") String token, @RequestBody JsonNode body) {
        if (!tokens.contains(token)) {
            return invalidToken();
        }
        ChatGroup group = directory.byChatId(body.path("chatid").asText()).orElse(null);
        if (group == null) {
            return Map.of("errcode", 86003, "errmsg", "chat not found");
        }
        post(group.id(), body, "云协商（应用群聊）");
        return Map.of("errcode", 0, "errmsg", "ok");
    }

    @PostMapping("/cgi-bin/media/upload")
    Map<String, Object> upload(@RequestParam("access_token") String token, @RequestParam String type,
                               @RequestParam("media") MultipartFile media) throws IOException {
        if (!tokens.contains(token)) {
            return invalidToken();
        }
        String id = "sandbox-media-" + UUID.randomUUID();
        this.media.put(id, Base64.getEncoder().encodeToString(media.getBytes()));
        return Map.of("errcode", 0, "errmsg", "ok", "type", type, "media_id", id,
                "created_at", Long.toString(Instant.now().getEpochSecond()));
    }

    /** Where a robot message's response_url points in the sandbox: the active reply shows in its group. */
    @PostMapping("/robot-response/{msgid}")
    Map<String, Object> robotResponse(@PathVariable String msgid, @RequestBody JsonNode body) {
        Long group = robotMessageGroups.remove(msgid);
        if (group == null) {
            return Map.of("errcode", 40008, "errmsg", "response_url used or unknown");
        }
        chats.add(ChatLog.group(group), "云协商", ChatLog.Author.BOT, body.path("markdown").path("content").asText(),
                null);
        return Map.of("errcode", 0, "errmsg", "ok");
    }

    void expectRobotResponse(String msgid, long groupId) {
        robotMessageGroups.put(msgid, groupId);
    }

    private void post(long groupId, JsonNode body, String from) {
        if (body.path("msgtype").asText().equals("image")) {
            JsonNode image = body.path("image");
            String png = image.has("media_id") ? media.get(image.path("media_id").asText()) : image.path("base64").asText();
            chats.add(ChatLog.group(groupId), from, ChatLog.Author.ANNOUNCEMENT, null, png);
        } else {
            chats.add(ChatLog.group(groupId), from, ChatLog.Author.ANNOUNCEMENT,
                    body.path("text").path("content").asText(body.path("markdown").path("content").asText()), null);
        }
    }

    private static Map<String, Object> invalidToken() {
        return Map.of("errcode", 40014, "errmsg", "invalid access_token");
    }
}
