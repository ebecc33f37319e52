package org.yunxie.admin.round;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.outcome.Outcome;
import org.yunxie.core.outcome.Outcomes;
import org.yunxie.core.overview.HouseholdInRound;
import org.yunxie.core.overview.Overview;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.Count;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.rule.Tally;

/** Assembles a round's page: coverage always, counts per option only when the round may show them. */
@Component
@WithConsole
class RoundPages {

    private final Rounds rounds;
    private final Ballots ballots;
    private final Outcomes outcomes;
    private final Overview overview;
    private final ChatGroups groups;
    private final Coverages coverages;

    RoundPages(Rounds rounds, Ballots ballots, Outcomes outcomes, Overview overview, ChatGroups groups,
               Coverages coverages) {
        this.rounds = rounds;
        this.ballots = ballots;
        this.outcomes = outcomes;
        this.overview = overview;
        this.groups = groups;
        this.coverages = coverages;
    }

    RoundView view(Round round) {
        List<OptionSpec> options = rounds.options(round.id());
        Outcome outcome = outcomes.ofRound(round.id()).orElse(null);
        List<RoundView.OptionCount> counts = List.of();
        if (round.kind() != RoundKind.PROPOSAL_CALL && outcome != null) {
            counts = fromOutcome(options, outcome);
        } else if (round.kind() != RoundKind.PROPOSAL_CALL && round.showsResultsNow() && round.openedAt() != null) {
            counts = fromTally(options, ballots.tally(round));
        }
        List<HouseholdInRound> households = overview.householdsInRound(round.id());
        String group = round.chatGroupId() == null ? null
                : groups.find(round.chatGroupId()).map(ChatGroup::name).orElse(null);
        String adopted = outcome == null || outcome.adoptedOptions() == null ? null : options.stream()
                .filter(o -> outcome.adoptedOptions().contains(o.key()))
                .map(o -> o.key() + " " + o.label()).collect(Collectors.joining("、"));
        return new RoundView(round, group, options, coverages.of(round), counts, outcome, households,
                households.stream().filter(h -> !h.responded()).toList(), adopted);
    }

    private static List<RoundView.OptionCount> fromTally(List<OptionSpec> options, Tally tally) {
        int most = options.stream().mapToInt(o -> tally.option(o.position()).households()).max().orElse(0);
        List<RoundView.OptionCount> counts = new ArrayList<>();
        for (OptionSpec option : options) {
            Count count = tally.option(option.position());
            counts.add(new RoundView.OptionCount(option, count.households(),
                    BigDecimal.valueOf(count.areaCenti(), 2), bar(count.households(), most)));
        }
        return counts;
    }

    private static List<RoundView.OptionCount> fromOutcome(List<OptionSpec> options, Outcome outcome) {
        int most = outcome.options().stream().mapToInt(Outcome.OptionFigures::households).max().orElse(0);
        List<RoundView.OptionCount> counts = new ArrayList<>();
        for (OptionSpec option : options) {
            Outcome.OptionFigures figures = outcome.options().stream()
                    .filter(f -> f.position() == option.position()).findFirst().orElse(null);
            int households = figures == null ? 0 : figures.households();
            counts.add(new RoundView.OptionCount(option, households,
                    figures == null ? BigDecimal.ZERO : figures.area(), bar(households, most)));
        }
        return counts;
    }

    private static int bar(int value, int most) {
        return most == 0 ? 0 : Math.max(value == 0 ? 0 : 1, value * 100 / most);
    }
}
