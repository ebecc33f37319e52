package org.yunxie.bot.command;

import java.text.Normalizer;

/**
 * Makes what residents type on a phone comparable: full-width letters, digits and signs become half-width
 * (＃１２ → #12), invisible characters go, runs of spaces become one, and an @mention of the bot is dropped
 * wherever WeCom put it (start or end).
 *
 * <p>Each step is one pass over the characters, not a regular expression: every message that reaches the bot
 * goes through here twice, and three replacing patterns a pass were a twelfth of its CPU under load.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    public static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        return tidy(Normalizer.normalize(raw, Normalizer.Form.NFKC));
    }

    /**
     * Without invisible characters (format and control characters, but a line break counts as a space) and with
     * single spaces, but otherwise as typed (，stays ，).
     */
    public static String tidy(String raw) {
        if (raw == null) {
            return "";
        }
        Spaced out = new Spaced(raw.length());
        for (int i = 0; i < raw.length(); ) {
            int c = raw.codePointAt(i);
            i += Character.charCount(c);
            if (c != '\n' && invisible(c)) {
                continue;
            }
            out.add(c);
        }
        return out.text();
    }

    /** Removes @mentions (the robot's name), which WeCom leaves in the text of a group message. */
    public static String withoutMentions(String text) {
        Spaced out = new Spaced(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (c == '@' && i + 1 < text.length() && !endsMention(text.charAt(i + 1))) {
                i++;
                while (i < text.length() && !endsMention(text.charAt(i))) {
                    i++;
                }
                out.space();
                continue;
            }
            i += Character.charCount(c);
            out.add(c);
        }
        return out.text();
    }

    private static boolean invisible(int c) {
        if (c < 0x80) {
            return c < 0x20 || c == 0x7f;
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.CONTROL;
    }

    /** A space of any kind: ASCII white space, and every Unicode separator (U+3000, U+2028, U+2029 ...). */
    private static boolean isSpace(int c) {
        if (c < 0x80) {
            return c == ' ' || (c >= '\t' && c <= '\r');
        }
        return Character.isSpaceChar(c);
    }

    private static boolean endsMention(char c) {
        return c == '#' || (c < 0x80 && isSpace(c));
    }

    /** Text built with each run of spaces as one, and none at either end. */
    private static final class Spaced {
        private final StringBuilder text;
        private boolean spaceDue;

        Spaced(int capacity) {
            text = new StringBuilder(capacity);
        }

        void add(int c) {
            if (isSpace(c)) {
                space();
                return;
            }
            if (spaceDue && !text.isEmpty()) {
                text.append(' ');
            }
            spaceDue = false;
            text.appendCodePoint(c);
        }

        void space() {
            spaceDue = true;
        }

        String text() {
            // Characters Java calls white space that are neither spaces nor removed here (U+001C..U+001F when
            // mentions are dropped from text that was not tidied) still go at either end, as String.strip does.
            return text.toString().strip();
        }
    }
}
