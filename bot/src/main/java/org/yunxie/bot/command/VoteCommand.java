package org.yunxie.bot.command;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunxie.core.ballot.BallotRecorded;
import org.yunxie.core.ballot.BallotRequest;
import org.yunxie.core.ballot.CastingBallot;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.shared.Result;

/**
 * "#12 同意", "#12 A C", "#同意", "#12 不同意 7-1-102": casts or changes the household's ballot in a poll, or
 * its pledge or objection in a cost share. Runs whenever a message has no command word but a choice.
 */
@Component
class VoteCommand implements Command {

    static final String NAME = "投票";
    private static final Set<RoundKind> KINDS = Set.of(RoundKind.POLL, RoundKind.COST_SHARE);

    private final RoundFinder finder;
    private final Rounds rounds;
    private final CastingBallot casting;
    private final BallotReadBack readBack;
    private final Replies replies;
    private final HelpCommand help;

    VoteCommand(RoundFinder finder, Rounds rounds, CastingBallot casting, BallotReadBack readBack, Replies replies,
                HelpCommand help) {
        this.help = help;
        this.finder = finder;
        this.rounds = rounds;
        this.casting = casting;
        this.readBack = readBack;
        this.replies = replies;
    }

    @Override
    public boolean castsBallotsOnly() {
        return true;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<String> aliases() {
        return List.of("表决", "vote");
    }

    @Override
    public String usageKey() {
        return "usage.vote";
    }

    @Override
    public Reply run(Invocation invocation) {
        return cast(invocation, HouseholdWords.withoutLabels(invocation.line().words()), KINDS);
    }

    /** Casts the given words as the choice in the round the message is about. */
    Reply cast(Invocation invocation, List<String> choiceWords, Set<RoundKind> kinds) {
        Speaker speaker = invocation.speaker();
        if (speaker.member() == null) {
            return replies.text("reply.not-bound");
        }
        // Text that neither names a round nor a command nor tries to answer ("今天天气怎么样") gets help.
        boolean bare = invocation.line().round() == null && invocation.line().verb() == null;
        Result<Round> target = finder.findForBallot(speaker, invocation.line().round(), kinds,
                invocation.sender().sentAt());
        if (!target.isDone()) {
            return bare && !ChoiceWords.triesToAnswer(choiceWords, List.of()) ? help.run(invocation)
                    : replies.refusal(target);
        }
        Round round = target.orElseThrow();
        List<OptionSpec> options = rounds.options(round);
        ChoiceWords.Reading reading = ChoiceWords.read(choiceWords, options);
        if (!reading.clear() && bare && !ChoiceWords.triesToAnswer(choiceWords, options)) {
            return help.run(invocation);
        }
        if (!reading.clear()) {
            return replies.text("reply.choice-unclear", round.number(), replies.options(options),
                    options.get(0).label());
        }
        Long household = HouseholdWords.named(invocation.line().words(), speaker.bindingsHere()).orElse(null);
        if (household != null && household < 0) {
            return replies.text("reply.unit-not-yours", HouseholdWords.label(invocation.line().words()),
                    replies.wording().list(speaker.bindingsHere().stream().map(Binding::unitLabel).toList()));
        }
        Result<BallotRecorded> recorded = casting.cast(BallotRequest.by(speaker.member(), round.id(),
                household, reading.keys(), invocation.sender().channel()).sentAt(invocation.sender().sentAt()));
        return recorded.isDone() ? readBack.of(recorded.orElseThrow(), speaker.group() != null)
                : replies.refusal(recorded);
    }
}
