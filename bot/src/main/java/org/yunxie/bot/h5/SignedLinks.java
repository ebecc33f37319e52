package org.yunxie.bot.h5;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links staff paste into chat groups and notices carry: {@code /h5/r/{round}} or {@code /h5/g/{group}} with
 * an expiry and an HMAC over both, so a link cannot be altered, outlives its use only until it expires, and
 * one made by another deployment (another key) is refused.
 */
public final class SignedLinks {

    /** What a link points at: a round, or a group's open rounds. */
    public enum Target { ROUND, GROUP }

    private final byte[] key;
    private final Clock clock;

    SignedLinks(byte[] key, Clock clock) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the link key needs at least 32 bytes");
        }
        this.key = key.clone();
        this.clock = clock;
    }

    /** The path and query of a link, to be put after the site's address. */
    public String path(Target target, long id, Instant expires) {
        long exp = expires.getEpochSecond();
        return "/h5/" + (target == Target.ROUND ? "r" : "g") + "/" + id + "?exp=" + exp + "&sig="
                + sign(target, id, exp);
    }

    /** Whether a link's parts are genuine and not expired; a refusal names which. */
    public Optional<String> problem(Target target, long id, Long exp, String sig) {
        if (exp == null || sig == null || sig.isBlank()) {
            return Optional.of("link.incomplete");
        }
        byte[] expected = sign(target, id, exp).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("link.forged");
        }
        if (clock.instant().getEpochSecond() > exp) {
            return Optional.of("link.expired");
        }
        return Optional.empty();
    }

    private String sign(Target target, long id, long exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((target + ":" + id + ":" + exp).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a link", e);
        }
    }
}
