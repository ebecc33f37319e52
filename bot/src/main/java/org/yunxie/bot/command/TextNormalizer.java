package org.yunxie.bot.command;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Makes what residents type on a phone comparable: full-width letters, digits and signs become half-width
 * (＃１２ → #12), invisible characters go, runs of spaces become one, and an @mention of the bot is dropped
 * wherever WeCom put it (start or end).
 */
public final class TextNormalizer {

    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}&&[^\\n]]");
    // Every kind of space, also the line and paragraph separators (U+2028, U+2029) some phones paste.
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
    private static final Pattern MENTION = Pattern.compile("@[^\\s#]+");

    private TextNormalizer() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        return tidy(Normalizer.normalize(raw, Normalizer.Form.NFKC));
    }

    /** Without invisible characters and with single spaces, but otherwise as typed (，stays ，). */
    public static String tidy(String raw) {
        if (raw == null) {
            return "";
        }
        String text = INVISIBLE.matcher(raw).replaceAll("");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** Removes @mentions (the robot's name), which WeCom leaves in the text of a group message. */
    public static String withoutMentions(String text) {
        return SPACES.matcher(MENTION.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    }
}
