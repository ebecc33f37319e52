package org.yunxie.bot.sandbox;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * The sandbox's WeChat: a person writes to the official account; the message goes to the bot's
 * {@code /wechat/mp} in safe mode, encrypted and signed as WeChat does, and the passive reply is verified,
 * decrypted and shown in the person's WeChat window.
 */
@Component
@SandboxEnabled
class PlayingWeChat {

    private static final Pattern TAG = Pattern.compile("<(\\w+)><!\\[CDATA\\[(.*?)]]></\\1>|<(\\w+)>([^<]*)</\\3>",
            Pattern.DOTALL);

    private final RestClient http;
    private final ChatLog chats;
    private final Environment environment;
    private final Sealing seal;
    private final String token;
    private final Clock clock;
    private final AtomicLong msgIds = new AtomicLong(System.currentTimeMillis() * 1000);

    PlayingWeChat(RestClient.Builder http, ChatLog chats, Environment environment,
                  @Value("${yunxie.mp.app-id}") String appId, @Value("${yunxie.mp.token}") String token,
                  @Value("${yunxie.mp.aes-key}") String aesKey, Clock clock) {
        this.http = http.build();
        this.chats = chats;
        this.environment = environment;
        this.seal = new Sealing(token, aesKey, appId, clock);
        this.token = token;
        this.clock = clock;
    }

    void sayToOfficialAccount(String openid, String name, String text) {
        String chat = SandboxWeChat.chat(openid);
        chats.add(chat, name, ChatLog.Author.PERSON, text, null);
        String xml = "<xml><ToUserName><![CDATA[gh_sandbox]]></ToUserName><FromUserName><![CDATA[" + openid
                + "]]></FromUserName><CreateTime>" + clock.instant().getEpochSecond() + "</CreateTime>"
                + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text.replace("]]>", "]] >")
                + "]]></Content><MsgId>" + msgIds.incrementAndGet() + "</MsgId></xml>";
        WxCryptUtil.EncryptContext sealed = seal.seal(xml);
        String query = "signature=" + SHA1.gen(token, sealed.getTimeStamp(), sealed.getNonce()) + "&timestamp="
                + sealed.getTimeStamp() + "&nonce=" + sealed.getNonce() + "&openid=" + openid
                + "&encrypt_type=aes&msg_signature=" + sealed.getSignature();
        String body = "<xml><ToUserName><![CDATA[gh_sandbox]]></ToUserName><Encrypt><![CDATA[" + sealed.getEncrypt()
                + "]]></Encrypt></xml>";
        String answer = http.post().uri(base() + "/wechat/mp?" + query).contentType(MediaType.TEXT_XML).body(body)
                .retrieve().body(String.class);
        if (answer != null && answer.contains("<Encrypt>")) {
            String reply = seal.open(tag(answer, "MsgSignature"), tag(answer, "TimeStamp"), tag(answer, "Nonce"),
                    tag(answer, "Encrypt"));
            chats.add(chat, "公众号", ChatLog.Author.BOT, tag(reply, "Content"), null);
        }
    }

    private static String tag(String xml, String name) {
        Matcher matcher = TAG.matcher(xml);
        while (matcher.find()) {
            if (name.equals(matcher.group(1))) {
                return matcher.group(2);
            }
            if (name.equals(matcher.group(3))) {
                return matcher.group(4);
            }
        }
        return "";
    }

    private String base() {
        return "http://127.0.0.1:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080"));
    }
}
