package org.yunxie.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yunxie.core.rule.OptionMeaning;
import org.yunxie.core.rule.OptionSpec;

/**
 * Reading replies into options. Words are given as the parser splits what residents type; "unclear" means
 * the bot asks back.
 */
class ChoiceWordsTest {

    /** A poll's default options. */
    private static final List<OptionSpec> POLL = List.of(new OptionSpec(1, "同意", OptionMeaning.APPROVE),
            new OptionSpec(2, "反对", OptionMeaning.REJECT), new OptionSpec(3, "弃权", OptionMeaning.ABSTAIN));
    /** A cost share's default options. */
    private static final List<OptionSpec> COST_SHARE = List.of(new OptionSpec(1, "确认", OptionMeaning.APPROVE),
            new OptionSpec(2, "不同意", OptionMeaning.REJECT));
    /** A poll with options staff wrote. */
    private static final List<OptionSpec> CUSTOM = List.of(new OptionSpec(1, "保留绿化", OptionMeaning.CHOICE),
            new OptionSpec(2, "改停车位", OptionMeaning.CHOICE), new OptionSpec(3, "维持现状", OptionMeaning.CHOICE));

    private static final CommandParser PARSER = RealCommands.parser();

    static Stream<Arguments> pollReplies() {
        return Stream.of(
                arguments("同意", List.of("A")),
                arguments("赞成", List.of("A")),
                arguments("支持", List.of("A")),
                arguments("+1", List.of("A")),
                arguments("1", List.of("A")),
                arguments("a", List.of("A")),
                arguments("A", List.of("A")),
                arguments("好的", List.of("A")),
                arguments("我同意", List.of("A")),
                arguments("同意了", List.of("A")),
                arguments("完全同意", List.of("A")),
                arguments("OK", List.of("A")),
                arguments("👍", List.of("A")),
                arguments("同意 同意", List.of("A")),
                arguments("不同意", List.of("B")),
                arguments("反对", List.of("B")),
                arguments("2", List.of("B")),
                arguments("b", List.of("B")),
                arguments("我不同意", List.of("B")),
                arguments("坚决反对", List.of("B")),
                arguments("-1", List.of("B")),
                arguments("弃权", List.of("C")),
                arguments("3", List.of("C")),
                arguments("无所谓", List.of("C")),
                arguments("同意 , 谢谢", List.of("A")),
                arguments("同意 。", List.of("A")),
                arguments("你好 反对 !", List.of("B")),
                arguments("A C", List.of("A", "C")),
                arguments("同意 反对", List.of()),
                arguments("+1 -1", List.of()),
                arguments("1 2", List.of()),
                arguments("我不太同意", List.of()),
                arguments("同意吗", List.of()),
                arguments("再看看", List.of()),
                arguments("D", List.of()),
                arguments("4", List.of()),
                arguments("0", List.of()),
                arguments("保留绿化", List.of()),
                arguments("", List.of()),
                arguments(", 。", List.of()));
    }

    @ParameterizedTest(name = "in a poll, \"{0}\" reads as {1}")
    @MethodSource("pollReplies")
    void readsRepliesToAPoll(String typed, List<String> keys) {
        assertThat(ChoiceWords.read(words(typed), POLL).keys()).isEqualTo(keys);
    }

    static Stream<Arguments> costShareReplies() {
        return Stream.of(
                arguments("确认", List.of("A")),
                arguments("同意", List.of("A")),
                arguments("1", List.of("A")),
                arguments("A", List.of("A")),
                arguments("交", List.of("A")),
                arguments("不同意", List.of("B")),
                arguments("反对", List.of("B")),
                arguments("不交", List.of("B")),
                arguments("2", List.of("B")),
                arguments("弃权", List.of()),
                arguments("C", List.of()),
                arguments("3", List.of()),
                arguments("确认 不同意", List.of()));
    }

    @ParameterizedTest(name = "in a cost share, \"{0}\" reads as {1}")
    @MethodSource("costShareReplies")
    void readsRepliesToACostShare(String typed, List<String> keys) {
        assertThat(ChoiceWords.read(words(typed), COST_SHARE).keys()).isEqualTo(keys);
    }

    static Stream<Arguments> customReplies() {
        return Stream.of(
                arguments("保留绿化", List.of("A")),
                arguments("改停车位", List.of("B")),
                arguments("维持现状", List.of("C")),
                arguments("B", List.of("B")),
                arguments("3", List.of("C")),
                arguments("保留绿化 维持现状", List.of("A", "C")),
                arguments("同意", List.of()),
                arguments("反对", List.of()),
                arguments("弃权", List.of()),
                arguments("停车位", List.of()),
                arguments("D", List.of()));
    }

    @ParameterizedTest(name = "in a poll with its own options, \"{0}\" reads as {1}")
    @MethodSource("customReplies")
    void readsRepliesToAPollWithItsOwnOptions(String typed, List<String> keys) {
        assertThat(ChoiceWords.read(words(typed), CUSTOM).keys()).isEqualTo(keys);
    }

    static Stream<Arguments> typedReplies() {
        return Stream.of(
                arguments("#12 同意，谢谢！", List.of("A")),
                arguments("＃１２　Ａ", List.of("A")),
                arguments("#12 +1", List.of("A")),
                arguments("#12 ＋１", List.of("A")),
                arguments("#12 我同意了", List.of("A")),
                arguments("#12 不同意", List.of("B")),
                arguments("#12 a c", List.of("A", "C")),
                arguments("#12 同意 反对", List.of()),
                arguments("#12 我不太同意", List.of()));
    }

    @ParameterizedTest(name = "typed as \"{0}\", a poll reply reads as {1}")
    @MethodSource("typedReplies")
    void readsRepliesAsTheParserSplitsThem(String typed, List<String> keys) {
        assertThat(ChoiceWords.read(PARSER.parse(typed).words(), POLL).keys()).isEqualTo(keys);
    }

    @Test
    void isClearOnlyWithAChoice() {
        assertThat(ChoiceWords.read(List.of("同意"), POLL).clear()).isTrue();
        assertThat(ChoiceWords.read(List.of("同意", "反对"), POLL).clear()).isFalse();
        assertThat(ChoiceWords.read(List.of(), POLL).clear()).isFalse();
    }

    private static List<String> words(String typed) {
        return typed.isEmpty() ? List.of() : List.of(typed.split(" "));
    }
}
