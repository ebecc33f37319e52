package org.yunxie.bot.command;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a deadline as staff type it: "3天", "2小时", "12月5日", "12月5日 18:00", "2026-12-05 18:00". A pure
 * function of the text, the current time and the community's zone. A date without a time means 20:00, so
 * residents who work still have the evening; a date already past this year means next year.
 */
public final class DeadlineParser {

    /** A deadline read from the start of a text, and what followed it (a reason, say). */
    public record Parsed(Instant deadline, String rest) {
    }

    static final LocalTime DEFAULT_TIME = LocalTime.of(20, 0);
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,4})\\s*(天|日|小时|个小时|分钟|周|星期|个星期)");
    private static final Pattern ABSOLUTE = Pattern.compile(
            "(?:(\\d{4})\\s*[-/年.]\\s*)?(\\d{1,2})\\s*[-/月.]\\s*(\\d{1,2})\\s*[日号]?"
                    + "(?:\\s*(\\d{1,2})\\s*[:点时]\\s*(\\d{1,2})?\\s*分?)?");

    private DeadlineParser() {
    }

    public static Optional<Instant> parse(String text, Instant now, ZoneId zone) {
        return parsePrefix(text, now, zone).filter(parsed -> parsed.rest().isEmpty()).map(Parsed::deadline);
    }

    /** The longest run of leading words that reads as a deadline. */
    public static Optional<Parsed> parsePrefix(String text, Instant now, ZoneId zone) {
        String[] words = TextNormalizer.normalize(text).split(" ");
        for (int take = Math.min(words.length, 4); take >= 1; take--) {
            String head = String.join(" ", Arrays.copyOfRange(words, 0, take));
            Optional<Instant> deadline = whole(head, now, zone);
            if (deadline.isPresent()) {
                String rest = String.join(" ", Arrays.copyOfRange(words, take, words.length)).strip();
                return Optional.of(new Parsed(deadline.get(), rest));
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> whole(String text, Instant now, ZoneId zone) {
        Matcher relative = RELATIVE.matcher(text);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration duration = switch (relative.group(2)) {
                case "小时", "个小时" -> Duration.ofHours(amount);
                case "分钟" -> Duration.ofMinutes(amount);
                case "周", "星期", "个星期" -> Duration.ofDays(7 * amount);
                default -> Duration.ofDays(amount);
            };
            return Optional.of(now.plus(duration));
        }
        Matcher absolute = ABSOLUTE.matcher(text);
        if (!absolute.matches()) {
            return Optional.empty();
        }
        try {
            ZonedDateTime today = now.atZone(zone);
            int year = absolute.group(1) != null ? Integer.parseInt(absolute.group(1)) : today.getYear();
            LocalDate date = LocalDate.of(year, Integer.parseInt(absolute.group(2)), Integer.parseInt(absolute.group(3)));
            LocalTime time = absolute.group(4) == null ? DEFAULT_TIME : LocalTime.of(Integer.parseInt(absolute.group(4)),
                    absolute.group(5) == null ? 0 : Integer.parseInt(absolute.group(5)));
            // Only a date already past means next year; an hour already past today stays today (and is refused).
            if (absolute.group(1) == null && date.isBefore(today.toLocalDate())) {
                date = date.plusYears(1);
            }
            return Optional.of(date.atTime(time).atZone(zone).toInstant());
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }
}
