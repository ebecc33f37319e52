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
    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern MENTION = Pattern.compile("@\\S+");

    private TextNormalizer() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        text = INVISIBLE.matcher(text).replaceAll("");
        return SPACES.matcher(text).replaceAll(" ").strip();
    }

    /** Removes @mentions (the robot's name), which WeCom leaves in the text of a group message. */
    public static String withoutMentions(String text) {
        return SPACES.matcher(MENTION.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    }
}
