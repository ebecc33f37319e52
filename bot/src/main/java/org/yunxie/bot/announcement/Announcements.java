package org.yunxie.bot.announcement;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunxie.bot.text.Wording;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxMessage;
import org.yunxie.core.proposal.Proposal;
import org.yunxie.core.proposal.Proposals;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.OptionMeaning;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.rule.Tally;

/**
 * Turns an outbox message into the short text a group sees, in the bot's language. The message carries
 * only what may change later (a reminder's pending units, an extension's reason); everything else is read
 * fresh, so an announcement shows the round as it is now. A flagged proposal is named by its number, never
 * quoted: its text is a resident's own words, and announcements end up in logs as well as in groups.
 */
@Component
public class Announcements {

    private final Rounds rounds;
    private final Ballots ballots;
    private final Proposals proposals;
    private final OutcomeAnnouncement outcomes;
    private final Wording wording;

    Announcements(Rounds rounds, Proposals proposals, Ballots ballots, OutcomeAnnouncement outcomes,
                  Wording wording) {
        this.ballots = ballots;
        this.rounds = rounds;
        this.proposals = proposals;
        this.outcomes = outcomes;
        this.wording = wording;
    }

    public String render(OutboxMessage message) {
        Map<String, Object> facts = Outbox.facts(message);
        // Every kind core queues today belongs to a round; a failure here is retried and then given up.
        Round round = Optional.ofNullable(message.roundId()).flatMap(rounds::find)
                .orElseThrow(() -> new IllegalStateException("outbox message " + message.id() + " ("
                        + message.kind() + ") names no round that exists: " + message.roundId()));
        return switch (message.kind()) {
            case ROUND_OPENED -> opened(round, facts);
            case REMINDER -> reminder(round, facts);
            case OUTCOME -> outcomes.render(round);
            case ROUND_EXTENDED -> wording.text("announce.extended", round.number(), round.title(),
                    wording.time(Instant.parse((String) facts.get("closingAt"))), facts.get("reason"));
            case ROUND_CANCELLED -> wording.text("announce.cancelled", round.number(), round.title(),
                    facts.get("reason"));
            case PROPOSAL_FLAGGED -> flagged(round, facts);
            case COVERAGE -> coverage(round);
        };
    }

    /** "#1 7号楼加装门禁：已确认 31/48 户", counted when posted. */
    private String coverage(Round round) {
        Tally tally = ballots.tally(round);
        int confirmed = rounds.options(round.id()).stream().filter(o -> o.meaning() == OptionMeaning.APPROVE)
                .mapToInt(o -> tally.option(o.position()).households()).sum();
        return wording.text("announce.coverage", round.number(), round.title(), confirmed,
                tally.eligible().households(), wording.time(round.closingAt()));
    }

    private String opened(Round round, Map<String, Object> facts) {
        List<String> lines = new ArrayList<>();
        lines.add(wording.text("announce.opened", round.number(), wording.label("kind", round.kind()),
                round.title()));
        lines.add(wording.text("announce.opened.deadline", wording.time(round.closingAt()), facts.get("households")));
        if (round.body() != null && !round.body().isBlank()) {
            lines.add(round.body().strip());
        }
        if (round.kind() == RoundKind.COST_SHARE) {
            lines.add(wording.text("share." + round.shareMode().name(), wording.yuan(round.shareAmountFen())));
        }
        List<OptionSpec> options = rounds.options(round.id());
        if (options.isEmpty()) {
            lines.add(wording.text("announce.opened.proposals"));
        } else {
            lines.add(wording.text("announce.opened.options", wording.list(options.stream()
                    .map(option -> option.key() + " " + option.label()).toList())));
            lines.add(wording.text("announce.opened.reply", round.number(), options.get(0).label()));
        }
        return String.join("\n", lines);
    }

    private String reminder(Round round, Map<String, Object> facts) {
        @SuppressWarnings("unchecked")
        List<String> pending = (List<String>) facts.get("pending");
        return wording.text("announce.reminder", round.number(), round.title(), pending.size(), facts.get("total"),
                wording.time(round.closingAt()), wording.list(pending));
    }

    private String flagged(Round call, Map<String, Object> facts) {
        String text = wording.text("announce.flagged", facts.get("proposal"), facts.get("supports"), call.number());
        Integer promotedTo = proposals.find(call.communityId(), ((Number) facts.get("proposal")).intValue())
                .map(Proposal::promotedRoundId)
                .flatMap(rounds::find).map(Round::number).orElse(null);
        return promotedTo == null ? text : text + "\n" + wording.text("announce.flagged.promoted", promotedTo);
    }
}
