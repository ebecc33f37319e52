package org.yunxie.core.costshare;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/** Staff record that a household paid its share, was exempted, or was refunded; who and when stay on the line. */
@Service
public class RecordingPayment {

    private final LedgerMapper mapper;
    private final AuditLog audit;
    private final Clock clock;

    RecordingPayment(LedgerMapper mapper, AuditLog audit, Clock clock) {
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result<LedgerLine> record(long roundId, long householdId, LedgerStatus target, String note, Actor staff,
                                     Channel channel) {
        LedgerLine line = mapper.find(roundId, householdId).orElse(null);
        if (line == null) {
            return Result.refused(RefusalReason.LEDGER_LINE_NOT_FOUND, roundId, householdId);
        }
        LedgerStatus from = line.status();
        if (!from.canMoveTo(target)
                || mapper.move(roundId, householdId, from, target, clock.instant(), staff.label(), note) == 0) {
            return Result.refused(RefusalReason.LEDGER_TRANSITION_NOT_ALLOWED, line.unitLabel(), from, target);
        }
        audit.of(staff, channel).round(line.communityId(), roundId).household(householdId).record("ledger." + target.name().toLowerCase(),
                "round " + roundId + " " + line.unitLabel() + " " + from + " -> " + target
                        + (note == null ? "" : ": " + note));
        return Result.done(mapper.find(roundId, householdId).orElseThrow());
    }
}
