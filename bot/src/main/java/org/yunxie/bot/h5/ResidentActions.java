package org.yunxie.bot.h5;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunxie.bot.command.BallotReadBack;
import org.yunxie.bot.command.GuardedBinding;
import org.yunxie.bot.command.Replies;
import org.yunxie.core.ballot.BallotRecorded;
import org.yunxie.core.ballot.BallotRequest;
import org.yunxie.core.ballot.CastingBallot;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.proposal.Proposal;
import org.yunxie.core.proposal.SubmittingProposal;
import org.yunxie.core.proposal.SupportingProposal;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.Member;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Result;

/**
 * What a resident does on a page, through the same use cases (and so the same refusals and audit entries)
 * as a chat command, on channel H5; the answer is the same read-back. A pledge made here is not seen in the
 * group, so the group is told how many households have confirmed, at most every ten minutes.
 */
@Component
class ResidentActions {

    static final long COVERAGE_EVERY_SECONDS = 600;

    private final Roster roster;
    private final Rounds rounds;
    private final CastingBallot casting;
    private final SubmittingProposal submitting;
    private final SupportingProposal supporting;
    private final GuardedBinding binding;
    private final BallotReadBack readBack;
    private final Replies replies;
    private final Outbox outbox;
    private final Clock clock;

    ResidentActions(Roster roster, Rounds rounds, CastingBallot casting, SubmittingProposal submitting,
                    SupportingProposal supporting, GuardedBinding binding, BallotReadBack readBack, Replies replies,
                    Outbox outbox, Clock clock) {
        this.roster = roster;
        this.rounds = rounds;
        this.casting = casting;
        this.submitting = submitting;
        this.supporting = supporting;
        this.binding = binding;
        this.readBack = readBack;
        this.replies = replies;
        this.outbox = outbox;
        this.clock = clock;
    }

    String act(String action, long roundId, ChatIdentity visitor, String value, Long household) {
        String text = value == null ? "" : value.strip();
        if (action.equals("bind")) {
            return binding.bind(visitor, replies.wording().text("h5.visitor"), text, Channel.H5).text();
        }
        Member member = roster.member(visitor).orElse(null);
        if (member == null) {
            return replies.text("h5.bind-first").text();
        }
        return switch (action) {
            case "choose" -> choose(roundId, member, text, household);
            case "propose" -> answer(submitting.submit(roundId, member.id(), household, text, Channel.H5),
                    proposal -> replies.text("proposal.submitted", proposal.unitLabel(), proposal.number(),
                            rounds.find(roundId).map(Round::number).orElse(0)).text());
            case "support" -> support(roundId, member, text, household);
            default -> replies.text("h5.unknown-action").text();
        };
    }

    private String choose(long roundId, Member member, String key, Long household) {
        Result<BallotRecorded> recorded = casting.cast(BallotRequest.by(member, roundId, household, List.of(key),
                Channel.H5));
        if (recorded instanceof Result.Done<BallotRecorded> done && done.value().round().kind() == RoundKind.COST_SHARE
                && done.value().round().chatGroupId() != null) {
            Round round = done.value().round();
            outbox.enqueue(OutboxKind.COVERAGE, "coverage:" + roundId + ":"
                            + clock.instant().getEpochSecond() / COVERAGE_EVERY_SECONDS, roundId, round.chatGroupId(),
                    Map.of("number", round.number()));
        }
        return answer(recorded, done -> readBack.of(done, false).text());
    }

    private String support(long roundId, Member member, String number, Long household) {
        Round round = rounds.find(roundId).orElseThrow();
        int proposal;
        try {
            proposal = Integer.parseInt(number.replaceFirst("^[Pp]", ""));
        } catch (NumberFormatException notANumber) {
            return replies.text("usage.support").text();
        }
        Result<Proposal> supported = supporting.support(round.communityId(), proposal, member.id(), household,
                Channel.H5);
        return answer(supported, done -> replies.text("proposal.supported", proposal, done.supports()).text());
    }

    private <T> String answer(Result<T> result, java.util.function.Function<T, String> readBackOf) {
        return result instanceof Result.Done<T> done ? readBackOf.apply(done.value()) : replies.refusal(result).text();
    }
}
