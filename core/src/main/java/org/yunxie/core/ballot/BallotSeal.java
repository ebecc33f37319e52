package org.yunxie.core.ballot;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the choices of secret rounds (AES-GCM, a key per round derived from the configured key), so that
 * the database alone does not tell which household chose what. The round and household are bound into
 * each seal: a sealed choice copied onto another household does not open.
 */
public final class BallotSeal {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final byte[] key;
    private final SecureRandom random = new SecureRandom();

    public BallotSeal(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the ballot seal key needs at least 32 bytes");
        }
        this.key = key.clone();
    }

    public String seal(long roundId, long householdId, String choice) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, roundId, householdId, iv);
            byte[] sealed = cipher.doFinal(choice.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal a ballot", e);
        }
    }

    public String open(long roundId, long householdId, String sealed) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            byte[] iv = java.util.Arrays.copyOfRange(bytes, 0, IV_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, roundId, householdId, iv);
            return new String(cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed ballot of round " + roundId + " does not open with this key", e);
        }
    }

    private Cipher cipher(int mode, long roundId, long householdId, byte[] iv) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        byte[] roundKey = mac.doFinal(("yunxie-round:" + roundId).getBytes(StandardCharsets.UTF_8));
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(roundKey, "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(("household:" + householdId).getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
