package org.yunxie.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What phones send, and what the parser gets to compare. */
class TextNormalizerTest {

    static Stream<Arguments> typed() {
        return Stream.of(
                arguments("full width becomes half width", "＃１２　同意", "#12 同意"),
                arguments("runs of spaces become one, none at the ends", "  #12   同意  ", "#12 同意"),
                arguments("the ideographic space is a space", "#12\u3000\u3000同意", "#12 同意"),
                arguments("line and paragraph separators are spaces", "#12\u2028同意\u2029", "#12 同意"),
                arguments("a line break is a space", "#12\n同意", "#12 同意"),
                arguments("a zero-width space goes", "#1\u200B2 同意", "#12 同意"),
                arguments("a tab goes", "#12\t同意", "#12同意"),
                arguments("a byte order mark goes", "\uFEFF#12 同意", "#12 同意"),
                arguments("invisible between spaces leaves one space", "#12 \u200D 同意", "#12 同意"),
                arguments("an emoji stays", "#12 同意😀", "#12 同意😀"),
                arguments("nothing but spaces is empty", " \u3000 \n", ""),
                arguments("empty stays empty", "", ""));
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @MethodSource("typed")
    void normalizesWhatPhonesSend(String description, String raw, String expected) {
        assertThat(TextNormalizer.normalize(raw)).isEqualTo(expected);
    }

    @Test
    void tidyingKeepsFullWidthSignsAsTyped() {
        assertThat(TextNormalizer.tidy(" 同意，１２\u200B ")).isEqualTo("同意，１２");
        assertThat(TextNormalizer.tidy(null)).isEmpty();
        assertThat(TextNormalizer.normalize(null)).isEmpty();
    }

    static Stream<Arguments> mentioned() {
        return Stream.of(
                arguments("at the start", "@云协商 #12 同意", "#12 同意"),
                arguments("at the end", "#12 同意 @云协商", "#12 同意"),
                arguments("right before the round", "@云协商#12 同意", "#12 同意"),
                arguments("two of them", "@云协商 @小区管家 #12 同意", "#12 同意"),
                arguments("a lone @ is not a mention", "#12 @ 同意", "#12 @ 同意"),
                arguments("an @ at the end is not a mention", "#12 同意@", "#12 同意@"),
                arguments("a name with an emoji", "@云协商😀 #12 同意", "#12 同意"),
                arguments("only a mention", "@云协商", ""));
    }

    @ParameterizedTest(name = "mention {0}: \"{1}\"")
    @MethodSource("mentioned")
    void dropsMentionsWhereverWeComPutsThem(String description, String text, String expected) {
        assertThat(TextNormalizer.withoutMentions(text)).isEqualTo(expected);
    }

    /**
     * The single passes do what the three regular expressions they replaced did, on random text drawn from the
     * characters where they could differ (every kind of space, invisible and control character, @ and #).
     */
    @Test
    void agreesWithTheRegularExpressionsItReplaced() {
        String alphabet = "ab#@1同意， \t\n\r\u000B\f\u001C\u001F\u007F\u0085\u00A0\u00AD\u200B\u200D\u2007\u2028"
                + "\u2029\u202F\u3000\uFEFF＃１";
        int[] extra = {0x1F600, 0xE0001}; // an emoji, and a format character outside the basic plane
        Random random = new Random(20261128);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(alphabet.length() + extra.length);
                text.appendCodePoint(pick < alphabet.length() ? alphabet.charAt(pick) : extra[pick - alphabet.length()]);
            }
            String raw = text.toString();
            assertThat(TextNormalizer.tidy(raw)).as("tidy of %s", escaped(raw)).isEqualTo(Regex.tidy(raw));
            assertThat(TextNormalizer.withoutMentions(raw)).as("mentions out of %s", escaped(raw))
                    .isEqualTo(Regex.withoutMentions(raw));
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x7f && c >= 0x20 ? Character.toString(c) : "\\u%04X".formatted(c)));
        return out.toString();
    }

    /** The former implementation, kept as the definition. */
    private static final class Regex {
        static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}&&[^\\n]]");
        static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}]+");
        static final Pattern MENTION = Pattern.compile("@[^\\s#]+");

        static String tidy(String raw) {
            return SPACES.matcher(INVISIBLE.matcher(raw).replaceAll("")).replaceAll(" ").strip();
        }

        static String withoutMentions(String text) {
            return SPACES.matcher(MENTION.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
        }
    }
}
