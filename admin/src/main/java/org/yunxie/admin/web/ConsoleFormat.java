package org.yunxie.admin.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the console writes times (in the community's zone), money (yuan from fen), area and shares; used by
 * the templates as {@code @consoleFormat}.
 */
@Component("consoleFormat")
@WithConsole
public class ConsoleFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final ZoneId zone;

    ConsoleFormat(@Value("${yunxie.time-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.withZone(zone).format(instant);
    }

    /** For a datetime-local input's value. */
    public String input(Instant instant) {
        return instant == null ? "" : INPUT.withZone(zone).format(instant);
    }

    /** A datetime-local input's text as an instant in the community's zone; null when empty or unreadable. */
    public Instant parseInput(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip(), INPUT).atZone(zone).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    public String yuan(Long fen) {
        return fen == null ? "" : BigDecimal.valueOf(fen, 2).stripTrailingZeros().toPlainString();
    }

    public String area(BigDecimal squareMetres) {
        return squareMetres == null ? "" : squareMetres.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public String areaCenti(long centi) {
        return BigDecimal.valueOf(centi, 2).toPlainString();
    }

    /** A share as a whole percentage, rounded down so that 59.9% never reads as 60%. */
    public String percent(long part, long whole) {
        if (whole <= 0) {
            return "–";
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 0, RoundingMode.DOWN) + "%";
    }

    public ZoneId zone() {
        return zone;
    }
}
