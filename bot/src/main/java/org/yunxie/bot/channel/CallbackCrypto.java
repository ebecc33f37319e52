package org.yunxie.bot.channel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;

/**
 * WeCom's callback crypto for one endpoint (the app callback, or the smart robot): the signature
 * sha1(sort(token, timestamp, nonce, encrypt)), and AES-256-CBC with the key Base64(EncodingAESKey + "="),
 * the IV its first 16 bytes and PKCS#7 padding to 32-byte blocks, over
 * {@code 16 random bytes | 4-byte network-order length | message | receive id}.
 *
 * <p>Built on WxJava's {@link WxCryptUtil} (its key handling and SHA1; its sealing is what the tests check ours
 * against), with what it leaves out: WxJava's decryption drops the receive id without looking at it, so a
 * message sealed for another CorpID (or a robot message replayed at the app) would pass. Opening here checks
 * the signature in constant time, the timestamp's freshness, the padding, the length, and that the receive id
 * is exactly the expected one (the CorpID for the app, the empty string for an in-house smart robot).
 */
public final class CallbackCrypto extends WxCryptUtil {

    /** How far a request's timestamp may be from our clock, either way: retries come within minutes. */
    public static final Duration FRESHNESS = Duration.ofMinutes(5);

    private static final int BLOCK = 32;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String receiveId;
    private final byte[] receiveIdBytes;
    private final Clock clock;
    // The crypto took a tenth of a request's CPU, most of it looking a Cipher up and building its AES key
    // schedule for every message (JFR of the load harness). A CBC cipher is back at its initial state after
    // doFinal, so each thread keeps one of each.
    private final ThreadLocal<Cipher> decryption = ThreadLocal.withInitial(() -> cipher(Cipher.DECRYPT_MODE));
    private final ThreadLocal<Cipher> encryption = ThreadLocal.withInitial(() -> cipher(Cipher.ENCRYPT_MODE));

    private CallbackCrypto(String token, String encodingAesKey, String receiveId, Clock clock) {
        super(token, encodingAesKey, receiveId);
        this.receiveId = receiveId;
        this.receiveIdBytes = receiveId.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /**
     * The crypto for a token, key and receive id; empty when the token or key is missing or the key is not a
     * 43-character EncodingAESKey (32 bytes), so that the endpoint can say it is not configured.
     */
    public static Optional<CallbackCrypto> of(String token, String encodingAesKey, String receiveId, Clock clock) {
        if (token == null || token.isBlank() || encodingAesKey == null || encodingAesKey.strip().length() != 43
                || receiveId == null) {
            return Optional.empty();
        }
        CallbackCrypto crypto = new CallbackCrypto(token, encodingAesKey.strip(), receiveId, clock);
        return crypto.aesKey != null && crypto.aesKey.length == 32 ? Optional.of(crypto) : Optional.empty();
    }

    /**
     * Checks that WeCom sent this, now, for us, and returns the decrypted message.
     *
     * @throws CallbackRefused when anything does not hold; nothing about the content is revealed
     */
    public String open(String signature, String timestamp, String nonce, String encrypted) {
        if (isBlank(signature) || isBlank(timestamp) || isBlank(nonce) || isBlank(encrypted)) {
            throw CallbackRefused.badRequest("missing msg_signature, timestamp, nonce or encrypted content");
        }
        if (!MessageDigest.isEqual(sign(timestamp, nonce, encrypted).getBytes(StandardCharsets.US_ASCII),
                signature.strip().toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw CallbackRefused.forbidden("signature does not match");
        }
        checkFresh(timestamp);
        Opened opened = decryptWithReceiveId(encrypted);
        if (!opened.receiveId().equals(receiveId)) {
            throw CallbackRefused.forbidden("sealed for another receive id");
        }
        return opened.message();
    }

    /** Encrypts and signs a passive reply; the timestamp is ours, the nonce the request's. */
    public Sealed seal(String plaintext, String nonce) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        String encrypted = encryptForReceiveId(plaintext);
        return new Sealed(encrypted, sign(timestamp, nonce, encrypted), timestamp, nonce);
    }

    /** A passive reply in XML form (the official account's safe mode). */
    public String sealXml(String plaintext, String nonce) {
        Sealed sealed = seal(plaintext, nonce);
        return "<xml><Encrypt><![CDATA[" + sealed.encrypt() + "]]></Encrypt><MsgSignature><![CDATA["
                + sealed.signature() + "]]></MsgSignature><TimeStamp>" + sealed.timestamp() + "</TimeStamp><Nonce><![CDATA["
                + sealed.nonce() + "]]></Nonce></xml>";
    }

    public String sign(String timestamp, String nonce, String encrypted) {
        return SHA1.gen(token, timestamp, nonce, encrypted);
    }

    /** The message and the receive id it was sealed for, after checking the padding and the length. */
    public Opened decryptWithReceiveId(String encrypted) {
        byte[] plain;
        try {
            byte[] cipherText = Base64.getDecoder().decode(encrypted);
            if (cipherText.length == 0 || cipherText.length % BLOCK != 0) {
                throw CallbackRefused.forbidden("ciphertext is not whole blocks");
            }
            plain = decryption.get().doFinal(cipherText);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw CallbackRefused.forbidden("cannot decrypt");
        }
        int pad = plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK) {
            throw CallbackRefused.forbidden("bad padding");
        }
        for (int i = plain.length - pad; i < plain.length; i++) {
            if ((plain[i] & 0xff) != pad) {
                throw CallbackRefused.forbidden("bad padding");
            }
        }
        int end = plain.length - pad;
        if (end < 20) {
            throw CallbackRefused.forbidden("too short");
        }
        long length = ByteBuffer.wrap(plain, 16, 4).getInt() & 0xffffffffL;
        if (20 + length > end) {
            throw CallbackRefused.forbidden("bad length");
        }
        int messageEnd = 20 + (int) length;
        return new Opened(new String(plain, 20, (int) length, StandardCharsets.UTF_8),
                new String(plain, messageEnd, end - messageEnd, StandardCharsets.UTF_8));
    }

    /** {@code 16 random bytes | 4-byte network-order length | message | receive id}, padded and encrypted. */
    private String encryptForReceiveId(String plaintext) {
        byte[] message = plaintext.getBytes(StandardCharsets.UTF_8);
        int length = 20 + message.length + receiveIdBytes.length;
        int pad = BLOCK - length % BLOCK;
        ByteBuffer plain = ByteBuffer.allocate(length + pad)
                .put(randomText().getBytes(StandardCharsets.US_ASCII))
                .putInt(message.length).put(message).put(receiveIdBytes);
        while (plain.hasRemaining()) {
            plain.put((byte) pad);
        }
        try {
            return Base64.getEncoder().encodeToString(encryption.get().doFinal(plain.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES encryption failed", e);
        }
    }

    private Cipher cipher(int mode) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(mode, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(Arrays.copyOfRange(aesKey, 0, 16)));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CBC is not available", e);
        }
    }

    private void checkFresh(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw CallbackRefused.badRequest("timestamp is not a number");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(seconds), clock.instant()).abs();
        if (age.compareTo(FRESHNESS) > 0) {
            throw CallbackRefused.forbidden("stale timestamp");
        }
    }

    private static String randomText() {
        StringBuilder text = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            text.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    public record Opened(String message, String receiveId) {
    }

    /** A sealed passive reply: what goes into {encrypt, msgsignature, timestamp, nonce}. */
    public record Sealed(String encrypt, String signature, String timestamp, String nonce) {
    }
}
