package org.yunxie.admin.round;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yunxie.core.outcome.Outcome;
import org.yunxie.core.overview.HouseholdInRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.rule.OptionSpec;

/**
 * A round as its console page shows it. {@code counts} are present only when the round may show them now
 * (closed, or open with live results and not secret); {@code bars} draw the outcome or live chart.
 */
public record RoundView(Round round, String groupName, List<OptionSpec> options, Coverage coverage,
                        List<OptionCount> counts, Outcome outcome, List<HouseholdInRound> households,
                        List<HouseholdInRound> pending, String adoptedLabels) {

    // BallotEntryController appends the stored photo's name to the evidence note.
    private static final Pattern PHOTO = Pattern.compile("r\\d+-h\\d+-[0-9a-f]{16}\\.(jpg|png)");

    /** The name of the evidence photo stored with this household's offline ballot, or null. */
    public String photo(HouseholdInRound household) {
        if (household.evidence() == null) {
            return null;
        }
        Matcher found = PHOTO.matcher(household.evidence());
        return found.find() ? found.group() : null;
    }

    /** Households and floor area behind one option, with the bar's length on a 0–100 scale. */
    public record OptionCount(OptionSpec option, int households, BigDecimal area, int bar) {
    }
}
