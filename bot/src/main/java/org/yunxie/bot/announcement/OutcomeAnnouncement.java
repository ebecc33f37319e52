package org.yunxie.bot.announcement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.yunxie.bot.text.Wording;
import org.yunxie.core.outcome.Outcome;
import org.yunxie.core.outcome.Outcomes;
import org.yunxie.core.proposal.Proposals;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.HeadCounting;
import org.yunxie.core.rule.OptionMeaning;
import org.yunxie.core.rule.OptionSpec;

/**
 * The result of a closed round with every figure it was decided on: the verdict and rule, how many
 * households (and owners, where the rule counts them) and how much floor area took part, and the support
 * behind each option. A cost share also says whether the share now binds.
 */
@Component
public class OutcomeAnnouncement {

    private final Outcomes outcomes;
    private final Rounds rounds;
    private final Proposals proposals;
    private final Wording wording;

    OutcomeAnnouncement(Outcomes outcomes, Rounds rounds, Proposals proposals, Wording wording) {
        this.outcomes = outcomes;
        this.rounds = rounds;
        this.proposals = proposals;
        this.wording = wording;
    }

    public String render(Round round) {
        Outcome outcome = outcomes.ofRound(round.id()).orElseThrow(() -> new IllegalStateException(
                "round " + round.id() + " has no outcome yet"));
        if (round.kind() == RoundKind.PROPOSAL_CALL) {
            return wording.text("announce.outcome.collected", round.number(), round.title(),
                    proposals.ofRound(round.id()).size(), outcome.participatingHouseholds(),
                    outcome.eligibleHouseholds());
        }
        List<String> lines = new ArrayList<>();
        lines.add(wording.text("announce.outcome", round.number(), round.title()));
        lines.add(wording.text("announce.outcome.verdict", wording.label("verdict", outcome.verdict()),
                wording.label("rule", round.rulePreset())));
        lines.add(turnout(round, outcome));
        List<OptionSpec> options = rounds.options(round.id());
        lines.add(figures(options, outcome));
        if (outcome.adoptedOptions() != null && options.stream().anyMatch(o -> o.meaning() == OptionMeaning.CHOICE)) {
            lines.add(wording.text("announce.outcome.adopted", outcome.adoptedOptions().replace(",", " ")));
        }
        if (round.kind() == RoundKind.COST_SHARE) {
            lines.add(share(round, outcome, options));
        }
        return String.join("\n", lines);
    }

    private String turnout(Round round, Outcome outcome) {
        String households = wording.text("announce.outcome.turnout", outcome.participatingHouseholds(),
                outcome.eligibleHouseholds(), wording.area(outcome.participatingArea()),
                wording.area(outcome.eligibleArea()));
        return round.ruleHeads() == HeadCounting.OWNERS
                ? households + wording.text("announce.outcome.turnout.owners", outcome.participatingHeads(),
                        outcome.eligibleHeads())
                : households;
    }

    private String figures(List<OptionSpec> options, Outcome outcome) {
        Map<Integer, Outcome.OptionFigures> byPosition = outcome.options().stream()
                .collect(Collectors.toMap(Outcome.OptionFigures::position, Function.identity()));
        return wording.list(options.stream().map(option -> {
            Outcome.OptionFigures figures = byPosition.get(option.position());
            String label = option.meaning() == OptionMeaning.CHOICE ? option.key() + " " + option.label()
                    : option.label();
            return wording.text("announce.outcome.option", label, figures == null ? 0 : figures.households(),
                    wording.area(figures == null ? BigDecimal.ZERO : figures.area()));
        }).toList());
    }

    private String share(Round round, Outcome outcome, List<OptionSpec> options) {
        if (!outcome.passed()) {
            return wording.text("announce.outcome.share.void");
        }
        Set<Integer> confirming = options.stream().filter(option -> option.meaning() == OptionMeaning.APPROVE)
                .map(OptionSpec::position).collect(Collectors.toSet());
        int confirmed = outcome.options().stream().filter(figures -> confirming.contains(figures.position()))
                .mapToInt(Outcome.OptionFigures::households).sum();
        return wording.text("announce.outcome.share.binding",
                wording.text("share." + round.shareMode().name(), wording.yuan(round.shareAmountFen())),
                confirmed, outcome.eligibleHouseholds());
    }
}
