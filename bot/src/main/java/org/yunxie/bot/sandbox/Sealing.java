package org.yunxie.bot.sandbox;

import java.security.SecureRandom;
import java.time.Clock;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * Encrypts and signs a callback as WeCom and WeChat do (16 random characters, the message, the receive id;
 * signature over token, timestamp, nonce and ciphertext), stamped with the application's clock, which tests
 * may move.
 */
final class Sealing {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final WxCryptUtil crypt;
    private final String token;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Sealing(String token, String aesKey, String receiveId, Clock clock) {
        this.crypt = new WxCryptUtil(token, aesKey, receiveId);
        this.token = token;
        this.clock = clock;
    }

    WxCryptUtil.EncryptContext seal(String plain) {
        StringBuilder randomText = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            randomText.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        String encrypted = crypt.encrypt(randomText.toString(), plain);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String nonce = Long.toString(Math.abs(random.nextLong()));
        return new WxCryptUtil.EncryptContext(encrypted, SHA1.gen(token, timestamp, nonce, encrypted), timestamp, nonce);
    }

    /** Checks the signature of a reply and decrypts it, as the platform would before showing it. */
    String open(String signature, String timestamp, String nonce, String encrypted) {
        return crypt.decryptContent(signature, timestamp, nonce, encrypted);
    }

    static String query(WxCryptUtil.EncryptContext sealed) {
        return "msg_signature=" + sealed.getSignature() + "&timestamp=" + sealed.getTimeStamp()
                + "&nonce=" + sealed.getNonce();
    }
}
