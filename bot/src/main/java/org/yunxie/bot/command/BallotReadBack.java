package org.yunxie.bot.command;

import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.yunxie.core.ballot.BallotRecorded;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.rule.OptionMeaning;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.rule.Tally;

/**
 * Reads back what was recorded: for which household, in which round, what, and the receipt. In a group a
 * secret ballot is acknowledged without repeating the choice; a cost share tells the household's amount
 * and how many households have confirmed so far.
 */
@Component
public class BallotReadBack {

    private final Replies replies;
    private final Ballots ballots;

    BallotReadBack(Replies replies, Ballots ballots) {
        this.replies = replies;
        this.ballots = ballots;
    }

    public Reply of(BallotRecorded recorded, boolean inGroup) {
        Round round = recorded.round();
        String labels = recorded.chosen().stream().map(OptionSpec::label).collect(Collectors.joining("、"));
        String lead = recorded.changed() ? "ballot.changed" : "ballot.recorded";
        if (round.kind() == RoundKind.COST_SHARE) {
            boolean confirmed = recorded.chosen().stream().anyMatch(o -> o.meaning() == OptionMeaning.APPROVE);
            Tally tally = ballots.tally(round);
            String coverage = replies.wording().text("pledge.coverage", tally.option(1).households(),
                    tally.eligible().households());
            return confirmed
                    ? replies.text("pledge.confirmed", lead(lead), recorded.unitLabel(), round.number(),
                            round.title(), replies.wording().yuan(recorded.shareFen()), recorded.receipt(), coverage)
                    : replies.text("pledge.objected", lead(lead), recorded.unitLabel(), round.number(),
                            recorded.receipt(), coverage);
        }
        if (round.secret() && inGroup) {
            return replies.text("ballot.secret", lead(lead), recorded.unitLabel(), round.number(), recorded.receipt());
        }
        return replies.text("ballot.chosen", lead(lead), recorded.unitLabel(), round.number(), labels,
                recorded.receipt());
    }

    private String lead(String key) {
        return replies.wording().text(key);
    }
}
