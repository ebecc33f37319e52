package org.yunxie.core.outcome;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.outbox.OutboxMessageSent;
import org.yunxie.core.round.RoundMapper;

/** Marks a round's outcome published once its announcement has gone out. */
@Component
class RecordingPublication {

    private final RoundMapper rounds;
    private final Clock clock;

    RecordingPublication(RoundMapper rounds, Clock clock) {
        this.rounds = rounds;
        this.clock = clock;
    }

    @EventListener
    void on(OutboxMessageSent sent) {
        if (sent.message().kind() == OutboxKind.OUTCOME && sent.message().roundId() != null) {
            rounds.markOutcomePublished(sent.message().roundId(), clock.instant());
        }
    }
}
