package org.yunxie.bot.sandbox;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Stands in for WeChat and the official account API: the OAuth2 page where a visitor "is" a WeChat user (the
 * real one identifies them silently), the code-for-openid exchange, the access token, and the template,
 * subscribe and customer-service messages the bot sends, which appear in the sandbox's WeChat window.
 */
@RestController
@SandboxEnabled
class SandboxWeChat {

    private final SandboxDirectory directory;
    private final ChatLog chats;
    private final String appId;
    private final String secret;
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();

    SandboxWeChat(SandboxDirectory directory, ChatLog chats, @Value("${yunxie.mp.app-id}") String appId,
                  @Value("${yunxie.mp.secret}") String secret) {
        this.directory = directory;
        this.chats = chats;
        this.appId = appId;
        this.secret = secret;
    }

    static String chat(String openid) {
        return "wx:" + openid;
    }

    @GetMapping(value = "/sandbox/mp-open/connect/oauth2/authorize", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> authorize(@RequestParam String appid, @RequestParam("redirect_uri") String redirectUri,
                                     @RequestParam String state) {
        if (!appId.equals(appid)) {
            return ResponseEntity.badRequest().body("appid mismatch");
        }
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>微信授权（沙盒）</title>"
                + "</head><body style=\"font-size:20px;font-family:sans-serif;padding:16px\"><h1>微信授权（沙盒）</h1>"
                + "<p>真实的微信会静默识别打开链接的人；在沙盒里请选择您是哪位微信用户：</p>");
        directory.weChatUsers().forEach(person -> page.append(choice(person.userid(),
                person.name() + " " + person.units(), redirectUri, state)));
        page.append(choice("sandbox-openid-" + UUID.randomUUID(), "新的微信用户（未绑定）", redirectUri, state));
        return ResponseEntity.ok(page.append("</body></html>").toString());
    }

    @GetMapping("/sandbox/mp-open/choose")
    ResponseEntity<Void> choose(@RequestParam String openid, @RequestParam("redirect_uri") String redirectUri,
                                @RequestParam String state) {
        String code = "sandbox-code-" + UUID.randomUUID();
        codes.put(code, openid);
        String back = UriComponentsBuilder.fromUriString(redirectUri).queryParam("code", code)
                .queryParam("state", state).build().toUriString();
        return ResponseEntity.status(302).header("Location", back).build();
    }

    @GetMapping("/sandbox/mp-api/sns/oauth2/access_token")
    Map<String, Object> openid(@RequestParam String appid, @RequestParam String secret, @RequestParam String code) {
        String openid = codes.remove(code);
        if (!appId.equals(appid) || !this.secret.equals(secret) || openid == null) {
            return Map.of("errcode", 40029, "errmsg", "invalid code");
        }
        return Map.of("access_token", "sandbox-oauth-" + UUID.randomUUID(), "expires_in", 7200,
                "refresh_token", "sandbox-refresh", "openid", openid, "scope", "snsapi_base");
    }

    @GetMapping("/sandbox/mp-api/cgi-bin/token")
    Map<String, Object> token(@RequestParam String appid, @RequestParam String secret) {
        if (!appId.equals(appid) || !this.secret.equals(secret)) {
            return Map.of("errcode", 40001, "errmsg", "invalid credential");
        }
        String token = "sandbox-mp-token-" + UUID.randomUUID();
        tokens.add(token);
        return Map.of("access_token", token, "expires_in", 7200);
    }

    @PostMapping("/sandbox/mp-api/cgi-bin/message/template/send")
    Map<String, Object> template(@RequestParam("access_token") String token, @RequestBody JsonNode body) {
        JsonNode data = body.path("data");
        return notice(token, body.path("touser").asText(), data.path("first").path("value").asText() + "\n"
                + data.path("keyword1").path("value").asText() + "\n" + data.path("keyword2").path("value").asText()
                + "\n" + data.path("remark").path("value").asText(), body.path("url").asText());
    }

    @PostMapping("/sandbox/mp-api/cgi-bin/message/template/subscribe")
    Map<String, Object> subscribe(@RequestParam("access_token") String token, @RequestBody JsonNode body) {
        return notice(token, body.path("touser").asText(), body.path("title").asText() + "\n"
                + body.path("data").path("content").path("value").asText(), body.path("url").asText());
    }

    @PostMapping("/sandbox/mp-api/cgi-bin/message/custom/send")
    Map<String, Object> customerService(@RequestParam("access_token") String token, @RequestBody JsonNode body) {
        return notice(token, body.path("touser").asText(), body.path("text").path("content").asText(), null);
    }

    private Map<String, Object> notice(String token, String openid, String text, String link) {
        if (!tokens.contains(token)) {
            return Map.of("errcode", 40001, "errmsg", "invalid access_token");
        }
        chats.add(chat(openid), "公众号", ChatLog.Author.ANNOUNCEMENT, text, null, null, java.util.List.of(),
                link == null || link.isBlank() ? null : link);
        return Map.of("errcode", 0, "errmsg", "ok", "msgid", System.nanoTime());
    }

    private static String choice(String openid, String label, String redirectUri, String state) {
        String href = UriComponentsBuilder.fromPath("/sandbox/mp-open/choose").queryParam("openid", openid)
                .queryParam("redirect_uri", redirectUri).queryParam("state", state).encode().build().toUriString();
        return "<p><a class=\"wechat-user\" style=\"display:block;padding:12px;border:1px solid #2e7d32;"
                + "border-radius:8px;color:#2e7d32;text-decoration:none\" data-openid=\"" + HtmlUtils.htmlEscape(openid)
                + "\" href=\"" + HtmlUtils.htmlEscape(href) + "\">" + HtmlUtils.htmlEscape(label) + "</a></p>";
    }
}
