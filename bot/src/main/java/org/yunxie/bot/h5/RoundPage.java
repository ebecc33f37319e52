package org.yunxie.bot.h5;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.yunxie.bot.announcement.OutcomeAnnouncement;
import org.yunxie.bot.text.Wording;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.proposal.Proposal;
import org.yunxie.core.proposal.Proposals;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.RoundState;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.rule.Tally;

/** Everything a resident page shows about a round, for the visitor looking at it. */
@Component
class RoundPage {

    /** One of the visitor's households on the round's roll, with what it has chosen so far. */
    record Home(long householdId, String unitLabel, String share, String chosen, String receipt) {
    }

    record View(Round round, String kind, String deadline, boolean open, int responded, int eligible,
                List<OptionSpec> options, List<Home> homes, boolean bound, String outcome,
                List<Proposal> proposals) {
    }

    private final Rounds rounds;
    private final Ballots ballots;
    private final Roster roster;
    private final Proposals proposals;
    private final OutcomeAnnouncement outcomes;
    private final Wording wording;
    private final Clock clock;

    RoundPage(Rounds rounds, Ballots ballots, Roster roster, Proposals proposals, OutcomeAnnouncement outcomes,
              Wording wording, Clock clock) {
        this.clock = clock;
        this.rounds = rounds;
        this.ballots = ballots;
        this.roster = roster;
        this.proposals = proposals;
        this.outcomes = outcomes;
        this.wording = wording;
    }

    View of(Round round, ChatIdentity visitor) {
        List<OptionSpec> options = rounds.options(round.id());
        Map<Long, RollHousehold> roll = rounds.roll(round.id()).stream()
                .collect(Collectors.toMap(RollHousehold::householdId, Function.identity()));
        List<Binding> bindings = roster.member(visitor).map(member -> roster.bindings(member.id())).orElse(List.of())
                .stream().filter(binding -> binding.communityId() == round.communityId()).toList();
        List<Home> homes = bindings.stream().filter(binding -> roll.containsKey(binding.householdId()))
                .map(binding -> home(round, roll.get(binding.householdId()), options)).toList();
        Tally tally = ballots.tally(round);
        int responded = round.kind() == RoundKind.PROPOSAL_CALL ? proposals.participants(round.id()).size()
                : tally.participating().households();
        String outcome = round.state() == RoundState.CLOSED ? outcomes.render(round) : null;
        return new View(round, wording.label("kind", round.kind()), wording.time(round.closingAt()),
                round.isAccepting(clock.instant()), responded, tally.eligible().households(), options, homes,
                !bindings.isEmpty(), outcome,
                round.kind() == RoundKind.PROPOSAL_CALL ? proposals.ofRound(round.id()) : List.of());
    }

    private Home home(Round round, RollHousehold onRoll, List<OptionSpec> options) {
        Optional<String> keys = ballots.ownChoice(round, onRoll.householdId());
        String chosen = keys.map(choice -> wording.list(List.of(choice.split(",")).stream()
                .map(key -> options.stream().filter(o -> o.key().equals(key)).map(OptionSpec::label).findFirst()
                        .orElse(key)).toList())).orElse(null);
        String share = onRoll.shareFen() == null ? null : wording.yuan(onRoll.shareFen());
        return new Home(onRoll.householdId(), onRoll.unitLabel(), share, chosen,
                ballots.receipt(round.id(), onRoll.householdId()).orElse(null));
    }
}
