package org.yunxie.bot.sandbox;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The sandbox page's backend: who can speak where, sending as a person in a group or a 1:1 chat, re-sending
 * the last message as WeCom's retries do, and the chat windows' new lines.
 */
@RestController
@SandboxEnabled
class SandboxController {

    record Say(String userid, String name, String text) {
    }

    record Click(String name, String taskId, String key, String text) {
    }

    private final SandboxDirectory directory;
    private final PlayingWecom wecom;
    private final PlayingWeChat weChat;
    private final ChatLog chats;
    private final Map<String, PlayingWecom.Delivery> lastDelivery = new ConcurrentHashMap<>();

    SandboxController(SandboxDirectory directory, PlayingWecom wecom, PlayingWeChat weChat, ChatLog chats) {
        this.directory = directory;
        this.wecom = wecom;
        this.weChat = weChat;
        this.chats = chats;
    }

    @GetMapping("/sandbox")
    RedirectView page() {
        return new RedirectView("/sandbox/index.html");
    }

    @GetMapping("/sandbox/api/groups")
    List<SandboxDirectory.Group> groups() {
        return directory.groups();
    }

    @GetMapping("/sandbox/api/wechat-users")
    List<SandboxDirectory.Person> weChatUsers() {
        return directory.weChatUsers();
    }

    @PostMapping("/sandbox/api/wechat/{openid}/say")
    ResponseEntity<Void> sayToOfficialAccount(@PathVariable String openid, @RequestBody Say say) {
        if (say.text() == null || say.text().isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        try {
            weChat.sayToOfficialAccount(openid, say.name(), say.text());
        } catch (RestClientException e) {
            chats.add(SandboxWeChat.chat(openid), "微信", ChatLog.Author.ANNOUNCEMENT, "回调失败：" + e.getMessage(), null);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sandbox/api/new-person")
    Map<String, String> newPerson() {
        return Map.of("userid", PlayingWecom.newUserid());
    }

    @PostMapping("/sandbox/api/groups/{groupId}/say")
    ResponseEntity<Void> sayInGroup(@PathVariable long groupId, @RequestBody Say say) {
        SandboxDirectory.Group group = directory.groups().stream().filter(g -> g.id() == groupId).findFirst()
                .orElse(null);
        if (group == null || say.text() == null || say.text().isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        send(ChatLog.group(groupId), () -> wecom.sayInGroup(groupId, group.chatId(), say.userid(), say.name(),
                say.text()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/sandbox/api/people/{userid}/say")
    ResponseEntity<Void> sayPrivately(@PathVariable String userid, @RequestBody Say say) {
        if (say.text() == null || say.text().isBlank()) {
            return ResponseEntity.badRequest().build();
        }
        send(ChatLog.person(userid), () -> wecom.sayPrivately(userid, say.name(), say.text()));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/sandbox/api/people/{userid}/click")
    ResponseEntity<Void> click(@PathVariable String userid, @RequestBody Click click) {
        send(ChatLog.person(userid), () -> wecom.clickCard(userid, click.name(), click.taskId(), click.key(),
                click.text()));
        return ResponseEntity.noContent().build();
    }

    /** Delivers the chat's last message once more, as WeCom does when it did not hear back in time. */
    @PostMapping("/sandbox/api/redeliver")
    ResponseEntity<Void> redeliver(@RequestParam String chat) {
        PlayingWecom.Delivery delivery = lastDelivery.get(chat);
        if (delivery == null) {
            return ResponseEntity.notFound().build();
        }
        chats.add(chat, "企业微信", ChatLog.Author.ANNOUNCEMENT, "（模拟企业微信重试：再次投递上一条消息）", null);
        send(chat, () -> {
            wecom.deliver(delivery);
            return delivery;
        });
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/sandbox/api/chats")
    List<ChatLog.Entry> lines(@RequestParam String chat, @RequestParam(defaultValue = "0") long after) {
        return chats.after(chat, after);
    }

    private void send(String chat, java.util.function.Supplier<PlayingWecom.Delivery> delivery) {
        try {
            lastDelivery.put(chat, delivery.get());
        } catch (RestClientException e) {
            chats.add(chat, "企业微信", ChatLog.Author.ANNOUNCEMENT, "回调失败：" + e.getMessage(), null);
        }
    }
}
