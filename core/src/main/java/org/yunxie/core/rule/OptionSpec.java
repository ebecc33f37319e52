package org.yunxie.core.rule;

/** An option as the rule sees it: its position (1 = A), its label and what choosing it means. */
public record OptionSpec(int position, String label, OptionMeaning meaning) {

    /** The letter residents type, A for position 1. */
    public String key() {
        return String.valueOf((char) ('A' + position - 1));
    }
}
