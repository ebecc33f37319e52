package org.yunxie.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Deadlines as staff type them, read on Thursday 20 November 2025 at 10:00 in Shanghai. */
class DeadlineParserTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = shanghai("2025-11-20T10:00");

    static Stream<Arguments> deadlines() {
        return Stream.of(
                arguments("three days from now", "3天", "2025-11-23T10:00"),
                arguments("three days with a space", "3 天", "2025-11-23T10:00"),
                arguments("three days, full width", "３天", "2025-11-23T10:00"),
                arguments("two hours from now", "2小时", "2025-11-20T12:00"),
                arguments("two hours, spoken", "2个小时", "2025-11-20T12:00"),
                arguments("thirty minutes", "30分钟", "2025-11-20T10:30"),
                arguments("a week", "1周", "2025-11-27T10:00"),
                arguments("two weeks", "2星期", "2025-12-04T10:00"),
                arguments("a date alone means 20:00 that day", "12月5日", "2025-12-05T20:00"),
                arguments("a date with 号", "12月5号", "2025-12-05T20:00"),
                arguments("a date and a time", "12月5日 18:00", "2025-12-05T18:00"),
                arguments("a date and a time run on", "12月5日18:00", "2025-12-05T18:00"),
                arguments("a date and a time in 点", "12月5日 18点", "2025-12-05T18:00"),
                arguments("a date and a time in 点 and 分", "12月5日18点30分", "2025-12-05T18:30"),
                arguments("a date with a slash", "12/5", "2025-12-05T20:00"),
                arguments("a full date and time", "2026-12-05 18:30", "2026-12-05T18:30"),
                arguments("a full date in Chinese", "2026年1月8日", "2026-01-08T20:00"),
                arguments("a full-width time", "12月5日 １８：００", "2025-12-05T18:00"),
                arguments("a date already past this year means next year", "3月1日", "2026-03-01T20:00"),
                arguments("January means next January", "1月5日 09:00", "2026-01-05T09:00"),
                arguments("today's date means today, at 20:00", "11月20日", "2025-11-20T20:00"),
                arguments("today's date with an hour already past stays today (then refused as passed)",
                        "11月20日 09:00", "2025-11-20T09:00"));
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @MethodSource("deadlines")
    void readsDeadlinesAsStaffTypeThem(String description, String typed, String expected) {
        assertThat(DeadlineParser.parse(typed, NOW, SHANGHAI)).contains(shanghai(expected));
    }

    @ParameterizedTest(name = "not a deadline: \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {" ", "明年", "abc", "天", "3", "3天半", "13月1日", "2月30日", "12月32日",
            "12月5日 25:00", "12月5日 18:61", "10000天", "3天 参与户数不足", "😀", "#", "-3天"})
    void readsNonsenseAsNoDeadline(String typed) {
        assertThat(DeadlineParser.parse(typed, NOW, SHANGHAI)).isEmpty();
    }

    static Stream<Arguments> deadlinesWithReasons() {
        return Stream.of(
                arguments("3天 参与户数不足", "2025-11-23T10:00", "参与户数不足"),
                arguments("3天", "2025-11-23T10:00", ""),
                arguments("2 小时 等外地业主", "2025-11-20T12:00", "等外地业主"),
                arguments("12月5日 18:00 等待外地业主回复", "2025-12-05T18:00", "等待外地业主回复"),
                arguments("12月5日 参与户数 不足", "2025-12-05T20:00", "参与户数 不足"));
    }

    @ParameterizedTest(name = "\"{0}\" is a deadline followed by \"{2}\"")
    @MethodSource("deadlinesWithReasons")
    void splitsADeadlineFromTheReasonAfterIt(String typed, String deadline, String rest) {
        assertThat(DeadlineParser.parsePrefix(typed, NOW, SHANGHAI))
                .contains(new DeadlineParser.Parsed(shanghai(deadline), rest));
    }

    @ParameterizedTest(name = "no deadline at the start of \"{0}\"")
    @ValueSource(strings = {"参与户数不足", "参与户数不足 3天", "", "下周 见"})
    void findsNoDeadlineWhereTheTextDoesNotStartWithOne(String typed) {
        assertThat(DeadlineParser.parsePrefix(typed, NOW, SHANGHAI)).isEmpty();
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}
