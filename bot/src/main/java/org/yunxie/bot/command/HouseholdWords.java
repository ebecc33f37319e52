package org.yunxie.bot.command;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.yunxie.core.roster.Binding;

/** Finds a unit label among the words ("#12 同意 7-1-102") and which of the speaker's households it names. */
final class HouseholdWords {

    private static final Pattern UNIT_LABEL = Pattern.compile("\\d{1,4}(?:-\\d{1,4}){1,3}");

    private HouseholdWords() {
    }

    static boolean isUnitLabel(String word) {
        return UNIT_LABEL.matcher(word).matches();
    }

    /** The first unit label among the words, or empty text. */
    static String label(List<String> words) {
        return words.stream().filter(HouseholdWords::isUnitLabel).findFirst().orElse("");
    }

    /** The words without unit labels. */
    static List<String> withoutLabels(List<String> words) {
        return words.stream().filter(word -> !isUnitLabel(word)).toList();
    }

    /** The named household among the bindings; empty when none was named. A label not bound gives -1. */
    static Optional<Long> named(List<String> words, List<Binding> bindings) {
        return words.stream().filter(HouseholdWords::isUnitLabel).findFirst()
                .map(label -> bindings.stream().filter(binding -> binding.unitLabel().equals(label))
                        .map(Binding::householdId).findFirst().orElse(-1L));
    }
}
