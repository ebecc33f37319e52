package org.yunxie.core.rule;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * How a round is decided. Any threshold may be null (not applied). Participation is always measured
 * against all eligible households; approval against {@link #base()}.
 */
public record DecisionRule(RulePreset preset, HeadCounting heads, Base base,
                           Threshold participationHeads, Threshold participationArea,
                           Threshold approvalHeads, Threshold approvalArea) {

    public DecisionRule {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(heads, "heads");
        Objects.requireNonNull(base, "base");
    }

    public static DecisionRule of(RulePreset preset) {
        return switch (preset) {
            case SIMPLE_MAJORITY -> new DecisionRule(preset, HeadCounting.HOUSEHOLDS, Base.PARTICIPANTS,
                    null, null, Threshold.moreThan(1, 2), null);
            case SIXTY_PERCENT_OF_ALL -> new DecisionRule(preset, HeadCounting.HOUSEHOLDS, Base.ELIGIBLE,
                    null, null, Threshold.atLeast(3, 5), null);
            case CIVIL_CODE_ORDINARY -> civilCode(preset, Threshold.moreThan(1, 2));
            case CIVIL_CODE_MAJOR -> civilCode(preset, Threshold.atLeast(3, 4));
            case CUSTOM -> throw new IllegalArgumentException("a custom rule is built with its thresholds");
        };
    }

    private static DecisionRule civilCode(RulePreset preset, Threshold approval) {
        Threshold participation = Threshold.atLeast(2, 3);
        return new DecisionRule(preset, HeadCounting.OWNERS, Base.PARTICIPANTS,
                participation, participation, approval, approval);
    }

    /**
     * Decides a tallied round. Zero participation decides nothing; a missed participation threshold is
     * no quorum; an option is adopted when somebody chose it and it meets every approval threshold, and
     * in a single-choice round only the one with most support is, so equal leaders are a tie and nothing
     * is adopted.
     */
    public Decision decide(Tally tally, List<OptionSpec> options, int maxChoices) {
        if (tally.participating().households() == 0) {
            return new Decision(Verdict.NO_PARTICIPATION, List.of(), tally);
        }
        if (!meets(participationHeads, participationArea, tally.participating(), tally.eligible())) {
            return new Decision(Verdict.NO_QUORUM, List.of(), tally);
        }
        Count against = base == Base.ELIGIBLE ? tally.eligible() : tally.participating();
        List<OptionSpec> approved = options.stream()
                .filter(option -> option.meaning().canBeAdopted())
                .filter(option -> tally.option(option.position()).households() > 0)
                .filter(option -> meets(approvalHeads, approvalArea, tally.option(option.position()), against))
                .sorted(Comparator.comparing((OptionSpec option) -> tally.option(option.position()), bySupport())
                        .reversed())
                .toList();
        if (approved.isEmpty()) {
            return new Decision(Verdict.NOT_APPROVED, List.of(), tally);
        }
        if (maxChoices > 1) {
            return new Decision(Verdict.PASSED, approved.stream().map(OptionSpec::position).toList(), tally);
        }
        if (approved.size() > 1 && bySupport().compare(
                tally.option(approved.get(0).position()), tally.option(approved.get(1).position())) == 0) {
            return new Decision(Verdict.TIE, List.of(), tally);
        }
        return new Decision(Verdict.PASSED, List.of(approved.get(0).position()), tally);
    }

    private boolean meets(Threshold byHeads, Threshold byArea, Count part, Count whole) {
        return (byHeads == null || byHeads.isMetBy(part.people(heads), whole.people(heads)))
                && (byArea == null || byArea.isMetBy(part.areaCenti(), whole.areaCenti()));
    }

    /** Support is counted in people, then, where the rule weighs floor area at all, in area. */
    private Comparator<Count> bySupport() {
        Comparator<Count> byPeople = Comparator.comparingInt((Count count) -> count.people(heads));
        return participationArea == null && approvalArea == null
                ? byPeople : byPeople.thenComparingLong(Count::areaCenti);
    }

    /** A compact, stable description kept with the outcome. */
    public String summary() {
        return preset + " heads=" + heads + " base=" + base
                + " participation(heads " + text(participationHeads) + ", area " + text(participationArea) + ")"
                + " approval(heads " + text(approvalHeads) + ", area " + text(approvalArea) + ")";
    }

    private static String text(Threshold threshold) {
        return threshold == null ? "-" : threshold.toString();
    }
}
