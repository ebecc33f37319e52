package org.yunxie.core.outcome;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.ballot.CountingBallots;
import org.yunxie.core.costshare.Ledger;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.proposal.Proposals;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.RoundMapper;
import org.yunxie.core.rule.Count;
import org.yunxie.core.rule.Decision;
import org.yunxie.core.rule.OptionMeaning;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.rule.Stance;
import org.yunxie.core.rule.Tally;
import org.yunxie.core.rule.Verdict;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/**
 * Closes an open round, once: the conditional update lets exactly one closer through, however many
 * instances try, and waits for ballots under way. Then, in the same transaction, the round is counted from
 * the database, decided by its frozen rule, its outcome stored, a met cost share's ledger opened and the
 * announcement queued.
 */
@Service
public class ClosingRound {

    private final RoundMapper rounds;
    private final CountingBallots counting;
    private final Ballots ballots;
    private final Proposals proposals;
    private final OutcomeMapper outcomes;
    private final Ledger ledger;
    private final Outbox outbox;
    private final AuditLog audit;
    private final Clock clock;

    ClosingRound(RoundMapper rounds, CountingBallots counting, Ballots ballots, Proposals proposals,
                 OutcomeMapper outcomes, Ledger ledger, Outbox outbox, AuditLog audit, Clock clock) {
        this.rounds = rounds;
        this.counting = counting;
        this.ballots = ballots;
        this.proposals = proposals;
        this.outcomes = outcomes;
        this.ledger = ledger;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result<Outcome> close(long roundId, Actor actor, Channel channel) {
        Instant now = clock.instant();
        if (rounds.markClosed(roundId, now) == 0) {
            Optional<Round> round = rounds.findById(roundId);
            return round.isEmpty() ? Result.refused(RefusalReason.ROUND_NOT_FOUND, roundId)
                    : Result.refused(round.get().whyNotAccepting(), round.get().number());
        }
        Round round = rounds.findById(roundId).orElseThrow();
        Decision decision = decide(round);
        Outcome outcome = store(round, decision, now);
        if (round.kind() == RoundKind.COST_SHARE && decision.passed()) {
            openLedger(round, now);
        }
        outbox.enqueue(OutboxKind.OUTCOME, "outcome:" + roundId, roundId, round.chatGroupId(),
                Map.of("number", round.number(), "outcome", outcome.id()));
        audit.of(actor, channel).round(round.communityId(), roundId)
                .record("round.closed", "#" + round.number() + " " + decision.verdict()
                        + (round.closingAt().isAfter(now) ? " (closed before its deadline " + round.closingAt() + ")"
                        : ""));
        return Result.done(outcome);
    }

    private Decision decide(Round round) {
        if (round.kind() == RoundKind.PROPOSAL_CALL) {
            List<RollHousehold> roll = rounds.findRoll(round.id());
            Set<Long> took = new HashSet<>(proposals.participants(round.id()));
            // Taking part in a call means proposing or supporting: counted as a choice of no option (0).
            List<Stance> stances = took.stream().map(household -> new Stance(household, Set.of(0))).toList();
            Tally tally = Tally.of(roll.stream().map(RollHousehold::toEntry).toList(), stances);
            return new Decision(Verdict.COLLECTED, List.of(), new Tally(tally.eligible(), tally.participating(),
                    Map.of()));
        }
        return round.rule().decide(counting.count(round), rounds.findOptions(round.id()), round.maxChoices());
    }

    private Outcome store(Round round, Decision decision, Instant now) {
        Tally tally = decision.tally();
        List<Outcome.OptionFigures> figures = tally.options().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new Outcome.OptionFigures(e.getKey(), e.getValue().households(), e.getValue().heads(),
                        area(e.getValue())))
                .toList();
        String adopted = decision.adopted().isEmpty() ? null : decision.adopted().stream()
                .map(position -> String.valueOf((char) ('A' + position - 1))).collect(Collectors.joining(","));
        Outcome outcome = new Outcome(0, round.id(), now, decision.passed(), decision.verdict(), adopted,
                round.rule().summary(), tally.eligible().households(), tally.eligible().heads(),
                area(tally.eligible()), tally.participating().households(), tally.participating().heads(),
                area(tally.participating()), figures);
        NewId id = new NewId();
        outcomes.insert(outcome, id);
        if (!figures.isEmpty()) {
            outcomes.insertOptions(id.value(), figures);
        }
        return outcome.withId(id.value());
    }

    private void openLedger(Round round, Instant now) {
        Set<String> approving = rounds.findOptions(round.id()).stream()
                .filter(option -> option.meaning() == OptionMeaning.APPROVE)
                .map(OptionSpec::key).collect(Collectors.toSet());
        Set<Long> confirmed = new HashSet<>();
        for (long household : ballots.respondedHouseholds(round.id())) {
            String keys = ballots.ownChoice(round, household).orElse("");
            if (approving.contains(keys)) {
                confirmed.add(household);
            }
        }
        Map<Long, Long> shares = new HashMap<>();
        rounds.findRoll(round.id()).forEach(entry -> shares.put(entry.householdId(), entry.shareFen()));
        ledger.open(round.id(), shares, confirmed, now);
    }

    private static BigDecimal area(Count count) {
        return BigDecimal.valueOf(count.areaCenti(), 2);
    }
}
