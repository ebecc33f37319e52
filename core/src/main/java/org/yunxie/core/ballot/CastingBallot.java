package org.yunxie.core.ballot;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.roster.Member;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RollLookup;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.shared.SentTime;
import org.yunxie.core.shared.Transactions;

/**
 * A member casts or changes their household's ballot, or in a cost share pledges or objects. One current
 * ballot per household: a later one replaces it (and any ballot staff entered for it), the history keeps all.
 */
@Service
public class CastingBallot {

    private final BallotBox box;
    private final Roster roster;
    private final RollLookup rollLookup;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    CastingBallot(BallotBox box, Roster roster, RollLookup rollLookup, AuditLog audit, Transactions transactions,
                  Clock clock) {
        this.box = box;
        this.roster = roster;
        this.rollLookup = rollLookup;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Result<BallotRecorded> cast(BallotRequest request) {
        return transactions.retrying(() -> castOnce(request));
    }

    private Result<BallotRecorded> castOnce(BallotRequest request) {
        Instant now = clock.instant();
        // A member named by the channel with the name it read needs no second read: whether they may vote here
        // is decided by their binding, found and locked with the household's place on the roll below.
        Member member = request.memberName() != null
                ? new Member(request.memberId(), request.memberName(), null)
                : roster.member(request.memberId()).orElse(null);
        if (member == null) {
            return Result.refused(RefusalReason.NOT_BOUND);
        }
        // A ballot sent before the deadline and recorded after it (taken in during a burst) still counts while
        // the round is open: closing waits for messages taken in before a deadline (ClosingDueRounds).
        Instant sent = SentTime.orNow(request.sentAt(), now);
        Result<Round> taking = box.roundTakingBallots(request.roundId(), sent);
        if (taking instanceof Result.Refused<Round> refused) {
            return Result.refused(refused.refusal());
        }
        Round round = taking.orElseThrow();
        Result<PlaceOnRoll> place = rollLookup.only(box.lockPlacesOnRoll(member.id(), round, request.householdId()),
                PlaceOnRoll::unitLabel, member.id(), round, request.householdId());
        if (place instanceof Result.Refused<PlaceOnRoll> refused) {
            return Result.refused(refused.refusal());
        }
        Result<List<OptionSpec>> chosen = box.options(round, request.optionKeys());
        if (chosen instanceof Result.Refused<List<OptionSpec>> refused) {
            return Result.refused(refused.refusal());
        }
        RollHousehold onRoll = place.orElseThrow().household();
        Optional<HeldBallot> current = place.orElseThrow().current();
        if (request.sentAt() != null && current.isPresent() && current.get().ballot().castAt().isAfter(sent)) {
            // A ballot recorded meanwhile was sent after this one: the household's later choice stands.
            return Result.refused(RefusalReason.SUPERSEDED, round.number());
        }
        Optional<String> same = current.flatMap(
                ballot -> box.unchanged(round, ballot, member.id(), chosen.orElseThrow()));
        if (same.isPresent()) {
            return Result.done(new BallotRecorded(round, onRoll.householdId(), onRoll.unitLabel(),
                    chosen.orElseThrow(), same.get(), false, onRoll.shareFen()));
        }
        Ballot ballot = new Ballot(null, round.id(), onRoll.householdId(), null, null, member.id(),
                request.channel(), null, null, null, sent);
        String receipt = box.store(round, ballot, chosen.orElseThrow(), current, now);
        String keys = chosen.orElseThrow().stream().map(OptionSpec::key).collect(Collectors.joining(","));
        audit.of(Actor.member(member.id(), member.displayName()), request.channel())
                .round(round.communityId(), round.id()).household(onRoll.householdId())
                .record(current.isPresent() ? "ballot.changed" : "ballot.cast",
                        round.secret() ? "sealed" : keys);
        return Result.done(new BallotRecorded(round, onRoll.householdId(), onRoll.unitLabel(),
                chosen.orElseThrow(), receipt, current.isPresent(), onRoll.shareFen()));
    }
}
