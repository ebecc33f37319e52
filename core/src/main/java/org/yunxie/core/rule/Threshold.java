package org.yunxie.core.rule;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fraction that a share must reach: {@code >1/2} (more than half) or {@code >=2/3} (at least two thirds).
 * Compared exactly by cross-multiplication, so "exactly 2/3" is never lost to rounding.
 */
public record Threshold(int numerator, int denominator, boolean strict) {

    private static final Pattern TEXT = Pattern.compile("(>=|>)(\\d+)/(\\d+)");

    public Threshold {
        if (numerator < 0 || denominator <= 0 || numerator > denominator) {
            throw new IllegalArgumentException("threshold must be a fraction in [0, 1]: " + numerator + "/" + denominator);
        }
    }

    public static Threshold moreThan(int numerator, int denominator) {
        return new Threshold(numerator, denominator, true);
    }

    public static Threshold atLeast(int numerator, int denominator) {
        return new Threshold(numerator, denominator, false);
    }

    /** Parses the stored form, {@code ">1/2"} or {@code ">=3/4"}; null stays null (no threshold). */
    public static Threshold parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        Matcher m = TEXT.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a threshold: " + text);
        }
        return new Threshold(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(1).equals(">"));
    }

    /**
     * Whether {@code part} out of {@code whole} reaches this threshold. An empty whole reaches nothing:
     * with nobody to count there is no share to speak of.
     */
    public boolean isMetBy(long part, long whole) {
        if (whole <= 0) {
            return false;
        }
        int comparison = BigInteger.valueOf(part).multiply(BigInteger.valueOf(denominator))
                .compareTo(BigInteger.valueOf(numerator).multiply(BigInteger.valueOf(whole)));
        return strict ? comparison > 0 : comparison >= 0;
    }

    @Override
    public String toString() {
        return (strict ? ">" : ">=") + numerator + "/" + denominator;
    }
}
