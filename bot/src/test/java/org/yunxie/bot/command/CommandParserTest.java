package org.yunxie.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parser reads messages with the application's real command words (as {@link Conversation} builds it:
 * from the registry's names and aliases).
 */
class CommandParserTest {

    private static final CommandParser PARSER = RealCommands.parser();
    private static final Set<String> VERBS = RealCommands.registry().words();

    static Stream<Arguments> messages() {
        return Stream.of(
                arguments("a numbered vote", "#12 同意", vote(12, "同意")),
                arguments("a numbered vote typed in full width, with an ideographic space", "＃１２　同意", vote(12, "同意")),
                arguments("a numbered vote without a space", "#12同意", vote(12, "同意")),
                arguments("a numbered vote without the #", "12 同意", vote(12, "同意")),
                arguments("a vote typed with two #", "##12 同意", vote(12, "同意")),
                arguments("a vote split over two lines", "#12\n同意", vote(12, "同意")),
                arguments("a vote with a Chinese comma", "#12，同意", vote(12, ",", "同意")),
                arguments("an objection", "#12 反对", vote(12, "反对")),
                arguments("an abstention", "#12 弃权", vote(12, "弃权")),
                arguments("a vote without a number", "#同意", vote(null, "同意")),
                arguments("a bare stance", "同意", vote(null, "同意")),
                arguments("plus one", "+1", vote(null, "+1")),
                arguments("plus one in full width", "＋１", vote(null, "+1")),
                arguments("minus one", "#12 -1", vote(12, "-1")),
                arguments("an option number after the round number", "#12 1", vote(12, "1")),
                arguments("two option letters", "#12 A C", vote(12, "A", "C")),
                arguments("a full-width option letter", "#12 Ａ", vote(12, "A")),
                arguments("a thumbs-up", "#12 👍", vote(12, "👍")),
                arguments("a number too long for a round", "#1234567 同意", vote(null, "1234567", "同意")),
                arguments("a vote naming the unit, kept as one word", "#12 同意 7-1-102", vote(12, "同意", "7-1-102")),
                arguments("a pledge, command word first", "#确认 12", command("确认", 12, null, "12")),
                arguments("a pledge, round number first", "#12 确认", command("确认", 12, null, "")),
                arguments("a pledge with the number run on", "#确认12", command("确认", 12, null, "12")),
                arguments("a result request", "#结果 12", command("结果", 12, null, "12")),
                arguments("the household's own ballots", "#我的", command("我的", null, null, "")),
                arguments("a binding code", "#绑定 12345678", command("绑定", null, null, "12345678", "12345678")),
                arguments("help with #", "#帮助", command("帮助", null, null, "")),
                arguments("help without #", "帮助", command("帮助", null, null, "")),
                arguments("help in English", "help", command("help", null, null, "")),
                arguments("help in English, shouted", "HELP", command("help", null, null, "")),
                arguments("a question mark", "?", command("?", null, null, "")),
                arguments("a full-width question mark", "？", command("?", null, null, "")),
                arguments("the list", "#列表", command("列表", null, null, "")),
                arguments("a proposal", "#提议 楼道装声控灯",
                        command("提议", null, null, "楼道装声控灯", "楼道装声控灯")),
                arguments("a proposal run on to its command word", "#提议楼道装声控灯",
                        command("提议", null, null, "楼道装声控灯", "楼道装声控灯")),
                arguments("a support", "#附议 P3", command("附议", null, 3, "P3")),
                arguments("a support run on", "#附议P3", command("附议", null, 3, "P3")),
                arguments("a support in full width", "＃附议　Ｐ３", command("附议", null, 3, "Ｐ３")),
                arguments("an extension with its reason", "#延期 12 3天 参与户数不足",
                        command("延期", 12, null, "12 3天 参与户数不足", "3", "天", "参与户数不足")),
                arguments("a launch", "#发起 表决 楼道加装扶手", command("发起", null, null, "表决 楼道加装扶手", "表决", "楼道加装扶手")),
                arguments("a vote after an @mention of the bot", "@云协商 #12 同意", vote(12, "同意")),
                arguments("a vote before an @mention of the bot", "#12 同意 @云协商", vote(12, "同意")),
                arguments("a vote after a WeCom @mention ending in a four-per-em space", "@云协商\u2005#12 同意",
                        vote(12, "同意")),
                arguments("a vote with zero-width spaces and joiners", "\u200b#12\u200c 同意\u200d", vote(12, "同意")),
                arguments("a vote after a byte-order mark", "\ufeff#12 同意", vote(12, "同意")),
                arguments("a lone option number, without #", "1", vote(null, "1")),
                arguments("a round number after #, alone", "#1", vote(1)),
                arguments("a round number written with 号", "#12号 同意", vote(12, "同意")),
                arguments("a round number with 号 run on", "12号同意", vote(12, "同意")),
                arguments("an @mention run into the #", "@云协商#12 同意", vote(12, "同意")),
                arguments("a sentence starting like a command word, without #", "建议大家同意",
                        vote(null, "建议大家同意")),
                arguments("a command word run on, without #", "提议装灯", vote(null, "提议装灯")));
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @MethodSource("messages")
    void readsWhatResidentsAndStaffType(String description, String typed, CommandLine expected) {
        assertThat(PARSER.parse(typed)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "the text of a proposal is kept as typed: \"{0}\"")
    @ValueSource(strings = {"楼道装声控灯，晚上太黑！", "东门（靠近菜场）加装雨棚：每户出一点？"})
    void keepsTheTextOfAProposalAsTyped(String proposal) {
        assertThat(PARSER.parse("#提议 " + proposal).freeText()).isEqualTo(proposal);
    }

    @ParameterizedTest(name = "nothing said: \"{0}\"")
    @NullSource
    @ValueSource(strings = {"", " ", "   ", "\u3000", "\t\n", "\u200b\u200b", "#", "＃ ", "@云协商", "@云协商 #"})
    void readsEmptyOrBlankMessagesAsSayingNothing(String typed) {
        CommandLine line = PARSER.parse(typed);

        assertThat(line.isEmpty()).isTrue();
        assertThat(line.freeText()).isEmpty();
    }

    @ParameterizedTest(name = "only punctuation: \"{0}\"")
    @ValueSource(strings = {"...", "。。。", "!!!", "，", "、、", "~", "……", "——"})
    void readsOnlyPunctuationAsNoCommandRoundOrProposal(String typed) {
        CommandLine line = PARSER.parse(typed);

        assertThat(line.verb()).isNull();
        assertThat(line.round()).isNull();
        assertThat(line.proposal()).isNull();
        assertThat(line.words()).allSatisfy(word -> assertThat(word).doesNotContainPattern("[\\p{L}\\p{N}]"));
    }

    @Test
    void neverFailsOnRandomUnicodeAndAlwaysReadsSomethingSensible() {
        Random random = new Random(20_251_204L);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String text = randomText(random);
            try {
                String wrong = nonsenseIn(PARSER.parse(text), PARSER.parse(text));
                if (wrong != null) {
                    failures.add(codePoints(text) + " -> " + wrong);
                }
            } catch (RuntimeException | StackOverflowError e) {
                failures.add(codePoints(text) + " -> " + e);
            }
        }
        assertThat(failures).as("messages the parser failed on or read into nonsense").isEmpty();
    }

    /** What is wrong with a reading, or null: it must be repeatable, use known words, and hold no blank word. */
    private static String nonsenseIn(CommandLine line, CommandLine again) {
        if (line == null || !line.equals(again)) {
            return "not the same reading twice";
        }
        if (line.verb() != null && !VERBS.contains(line.verb())) {
            return "unknown command word " + line.verb();
        }
        if (line.round() != null && (line.round() < 0 || line.round() > 999_999)) {
            return "round number " + line.round();
        }
        if (line.proposal() != null && line.proposal() < 0) {
            return "proposal number " + line.proposal();
        }
        if (line.words().stream().anyMatch(String::isBlank)) {
            return "a blank word among " + codePoints(String.join("|", line.words()));
        }
        if (!line.freeText().equals(line.freeText().strip())) {
            return "free text not stripped";
        }
        return null;
    }

    /** Random code points of every kind: lone surrogates, emoji, CJK, controls, and now and then a long text. */
    private static String randomText(Random random) {
        int length = switch (random.nextInt(10)) {
            case 0 -> 0;
            case 1 -> 1;
            case 2 -> random.nextInt(50) == 0 ? 10_000 + random.nextInt(40_000) : 100 + random.nextInt(400);
            default -> 2 + random.nextInt(40);
        };
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "#" : "");
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(12)) {
                case 0 -> text.append((char) (0xD800 + random.nextInt(0x800)));             // a lone surrogate
                case 1 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300));            // emoji
                case 2, 3 -> text.appendCodePoint(0x4E00 + random.nextInt(0x5200));         // CJK
                case 4 -> text.appendCodePoint(random.nextInt(0x20));                       // controls
                case 5 -> text.appendCodePoint(0xFF00 + random.nextInt(0xF0));              // full width
                case 6 -> text.append(" 0123456789#+-@?Pp".charAt(random.nextInt(18)));
                case 7 -> text.append(List.copyOf(VERBS).get(random.nextInt(VERBS.size())));
                case 8 -> text.appendCodePoint(0x2000 + random.nextInt(0x70));              // spaces, joiners, marks
                case 9 -> text.appendCodePoint(0x300 + random.nextInt(0x70));               // combining marks
                case 10 -> text.appendCodePoint(0xFFF0 + random.nextInt(0x10));             // specials, BOM-like
                default -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
            }
        }
        return text.toString();
    }

    private static String codePoints(String text) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + ")" : text;
        return Arrays.toString(shown.codePoints().mapToObj(Integer::toHexString).toArray());
    }

    private static CommandLine vote(Integer round, String... words) {
        return new CommandLine(null, round, null, List.of(words), "");
    }

    private static CommandLine command(String verb, Integer round, Integer proposal, String freeText,
                                       String... words) {
        return new CommandLine(verb, round, proposal, List.of(words), freeText);
    }
}
