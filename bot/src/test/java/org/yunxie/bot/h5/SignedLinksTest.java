package org.yunxie.bot.h5;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yunxie.bot.h5.SignedLinks.Target;

class SignedLinksTest {

    private static final Instant NOW = Instant.parse("2026-11-27T08:00:00Z");
    private static final Pattern LINK = Pattern.compile("/h5/r/(\\d+)\\?exp=(\\d+)&sig=([\\w-]+)");

    private final SignedLinks links = new SignedLinks(key((byte) 1), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aLinkWeSignedIsGoodUntilItExpires() {
        Matcher link = parse(links.path(Target.ROUND, 12, NOW.plus(Duration.ofDays(3))));

        assertThat(links.problem(Target.ROUND, 12, Long.parseLong(link.group(2)), link.group(3))).isEmpty();
        SignedLinks later = new SignedLinks(key((byte) 1), Clock.fixed(NOW.plus(Duration.ofDays(4)), ZoneOffset.UTC));
        assertThat(later.problem(Target.ROUND, 12, Long.parseLong(link.group(2)), link.group(3)))
                .contains("link.expired");
    }

    @Test
    void changingTheRoundTheExpiryOrTheKindOfLinkBreaksTheSignature() {
        Matcher link = parse(links.path(Target.ROUND, 12, NOW.plus(Duration.ofDays(3))));
        long exp = Long.parseLong(link.group(2));
        String sig = link.group(3);

        assertThat(links.problem(Target.ROUND, 13, exp, sig)).contains("link.forged");
        assertThat(links.problem(Target.ROUND, 12, exp + 86_400, sig)).contains("link.forged");
        assertThat(links.problem(Target.GROUP, 12, exp, sig)).contains("link.forged");
        assertThat(links.problem(Target.ROUND, 12, exp, null)).contains("link.incomplete");
    }

    @Test
    void aLinkSignedByAnotherDeploymentIsRefused() {
        SignedLinks elsewhere = new SignedLinks(key((byte) 2), Clock.fixed(NOW, ZoneOffset.UTC));
        Matcher link = parse(elsewhere.path(Target.ROUND, 12, NOW.plus(Duration.ofDays(3))));

        assertThat(links.problem(Target.ROUND, 12, Long.parseLong(link.group(2)), link.group(3)))
                .contains("link.forged");
    }

    private static Matcher parse(String path) {
        Matcher matcher = LINK.matcher(path);
        assertThat(matcher.matches()).as(path).isTrue();
        return matcher;
    }

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }
}
