package org.yunxie.bot.channel.mp;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The official account (公众号): app id and secret, the callback Token and EncodingAESKey (for
 * {@code /wechat/mp}), and which notices landlords and other members in no group get: TEMPLATE messages
 * (with {@code noticeTemplateId}) or SUBSCRIBE messages. The API addresses are read per call from
 * {@code yunxie.mp.api-base-url} and {@code yunxie.mp.open-base-url}, so the sandbox can stand in.
 */
@ConfigurationProperties("yunxie.mp")
public record MpSettings(String appId, String secret, String token, String aesKey, NoticeKind noticeKind,
                         String noticeTemplateId) {

    public enum NoticeKind { TEMPLATE, SUBSCRIBE }

    public MpSettings {
        appId = appId == null ? "" : appId.strip();
        secret = secret == null ? "" : secret.strip();
        token = token == null ? "" : token.strip();
        aesKey = aesKey == null ? "" : aesKey.strip();
        noticeKind = noticeKind == null ? NoticeKind.TEMPLATE : noticeKind;
        noticeTemplateId = noticeTemplateId == null ? "" : noticeTemplateId.strip();
    }

    public boolean configured() {
        return !appId.isEmpty() && !secret.isEmpty();
    }
}
