package org.yunxie.bot.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The bot's own words, from the message bundles in the configured language ({@code yunxie.locale},
 * Chinese by default), with times in the community's zone and money and area written the way residents
 * read them: 200 元, 86.40 ㎡.
 */
@Component
public class Wording {

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;

    Wording(MessageSource messages, @Value("${yunxie.locale:zh-CN}") String locale,
            @Value("${yunxie.time-zone:Asia/Shanghai}") String zone) {
        this.messages = messages;
        this.locale = Locale.forLanguageTag(locale.replace('_', '-'));
        this.zone = ZoneId.of(zone);
    }

    /** The message under {@code key}; arguments are passed as text so numbers never get grouping commas. */
    public String text(String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = String.valueOf(args[i]);
        }
        return messages.getMessage(key, plain, locale);
    }

    /** A deadline as residents read it, e.g. 12月4日（周四）18:00. */
    public String time(Instant instant) {
        return DateTimeFormatter.ofPattern(text("format.time"), locale).withZone(zone).format(instant);
    }

    /** An amount in fen as yuan, without needless decimals: 20000 fen is "200". */
    public String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).stripTrailingZeros().toPlainString();
    }

    public String area(BigDecimal squareMetres) {
        return squareMetres.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    /** Joins items with the language's list separator (、 in Chinese). */
    public String list(List<String> items) {
        return String.join(text("format.list-separator"), items);
    }

    /** The label of an enum constant, e.g. {@code kind.COST_SHARE}. */
    public String label(String prefix, Enum<?> value) {
        return text(prefix + "." + value.name());
    }

    public Locale locale() {
        return locale;
    }

    /** The community's time zone, in which residents read and staff type times. */
    public ZoneId zone() {
        return zone;
    }
}
