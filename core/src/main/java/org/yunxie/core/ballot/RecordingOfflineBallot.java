package org.yunxie.core.ballot;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.shared.Transactions;

/**
 * Staff enter a paper, phone or proxy ballot for a household, with a note of the evidence. It never
 * replaces a ballot the household cast itself; the household's own later ballot replaces it.
 */
@Service
public class RecordingOfflineBallot {

    private final BallotBox box;
    private final AuditLog audit;
    private final Transactions transactions;
    private final Clock clock;

    RecordingOfflineBallot(BallotBox box, AuditLog audit, Transactions transactions, Clock clock) {
        this.box = box;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
    }

    public Result<BallotRecorded> record(long roundId, long householdId, List<String> optionKeys, OfflineKind kind,
                                         String evidence, Actor staff) {
        if (evidence == null || evidence.isBlank()) {
            return Result.refused(RefusalReason.EVIDENCE_MISSING);
        }
        return transactions.retrying(() -> recordOnce(roundId, householdId, optionKeys, kind, evidence.strip(), staff));
    }

    private Result<BallotRecorded> recordOnce(long roundId, long householdId, List<String> optionKeys,
                                              OfflineKind kind, String evidence, Actor staff) {
        Instant now = clock.instant();
        Result<Round> taking = box.roundTakingBallots(roundId, now);
        if (taking instanceof Result.Refused<Round> refused) {
            return Result.refused(refused.refusal());
        }
        Round round = taking.orElseThrow();
        Optional<RollHousehold> onRoll = box.lockOnRoll(roundId, householdId);
        if (onRoll.isEmpty()) {
            return Result.refused(RefusalReason.NOT_IN_ROUND, round.number());
        }
        Result<List<OptionSpec>> chosen = box.options(round, optionKeys);
        if (chosen instanceof Result.Refused<List<OptionSpec>> refused) {
            return Result.refused(refused.refusal());
        }
        Optional<HeldBallot> current = box.current(roundId, householdId);
        if (current.isPresent() && current.get().ballot().castByHousehold()) {
            return Result.refused(RefusalReason.ALREADY_VOTED_BY_HOUSEHOLD, round.number(), onRoll.get().unitLabel());
        }
        Ballot ballot = new Ballot(null, roundId, householdId, null, null, null, Channel.OFFLINE, kind, evidence,
                staff.label(), now);
        String receipt = box.store(round, ballot, chosen.orElseThrow(), current, now);
        String keys = chosen.orElseThrow().stream().map(OptionSpec::key).collect(Collectors.joining(","));
        audit.of(staff, Channel.OFFLINE).round(round.communityId(), roundId).household(householdId)
                .record("ballot.entered_offline", kind + " " + (round.secret() ? "sealed" : keys) + " evidence: "
                        + evidence);
        return Result.done(new BallotRecorded(round, householdId, onRoll.get().unitLabel(), chosen.orElseThrow(),
                receipt, current.isPresent(), onRoll.get().shareFen()));
    }
}
