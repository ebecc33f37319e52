package org.yunxie.bot.command;

import java.util.EnumSet;
import java.util.List;

import org.springframework.stereotype.Component;
import org.yunxie.bot.announcement.OutcomeAnnouncement;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.proposal.Proposal;
import org.yunxie.core.proposal.Proposals;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.RoundState;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.rule.Tally;
import org.yunxie.core.shared.Result;

/**
 * "#结果 12": the final result of a closed round, or the current state of an open one. How many households
 * took part is always shown; counts per option only when the round shows results before close, and never
 * for a secret round before it closes.
 */
@Component
class ResultCommand implements Command {

    private final RoundFinder finder;
    private final Rounds rounds;
    private final Ballots ballots;
    private final OutcomeAnnouncement outcomes;
    private final Proposals proposals;
    private final Replies replies;

    ResultCommand(RoundFinder finder, Rounds rounds, Ballots ballots, OutcomeAnnouncement outcomes,
                  Proposals proposals, Replies replies) {
        this.proposals = proposals;
        this.finder = finder;
        this.rounds = rounds;
        this.ballots = ballots;
        this.outcomes = outcomes;
        this.replies = replies;
    }

    @Override
    public String name() {
        return "结果";
    }

    @Override
    public List<String> aliases() {
        return List.of("result", "进度", "统计");
    }

    @Override
    public String usageKey() {
        return "usage.result";
    }

    @Override
    public Reply run(Invocation invocation) {
        Result<Round> target = finder.find(invocation.speaker(), invocation.line().round(),
                EnumSet.allOf(RoundKind.class));
        if (!target.isDone()) {
            return replies.refusal(target);
        }
        Round round = target.orElseThrow();
        if (round.state() == RoundState.CLOSED) {
            return new Reply(outcomes.render(round));
        }
        if (round.state() != RoundState.OPEN) {
            return replies.refusal(Result.refused(round.whyNotAccepting(), round.number()));
        }
        if (round.kind() == RoundKind.PROPOSAL_CALL) {
            return proposalsSoFar(round);
        }
        Tally tally = ballots.tally(round);
        StringBuilder text = new StringBuilder(replies.wording().text("result.open", round.number(), round.title(),
                tally.participating().households(), tally.eligible().households(),
                replies.wording().time(round.closingAt())));
        if (!round.showsResultsNow()) {
            return new Reply(text.append('\n').append(replies.wording().text("result.hidden")).toString());
        }
        for (OptionSpec option : rounds.options(round.id())) {
            text.append('\n').append(replies.wording().text("result.option", option.key(), option.label(),
                    tally.option(option.position()).households()));
        }
        return new Reply(text.toString());
    }

    /** A call's progress: how many proposals, and each with its supports. */
    private Reply proposalsSoFar(Round round) {
        List<Proposal> all = proposals.ofRound(round.id());
        StringBuilder text = new StringBuilder(replies.wording().text("result.call", round.number(), round.title(),
                all.size(), replies.wording().time(round.closingAt())));
        all.forEach(proposal -> text.append('\n').append(replies.wording().text("result.proposal",
                proposal.number(), proposal.body(), proposal.supports())));
        return new Reply(text.toString());
    }
}
