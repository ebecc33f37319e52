package org.yunxie.core.round;

import java.time.Instant;
import java.util.Arrays;

/**
 * Schedules a round's reminders at its offsets before the deadline, those still ahead of now. After an
 * extension a reminder already sent is due again before the new deadline: people were told the old one.
 */
final class Reminders {

    private Reminders() {
    }

    static void schedule(RoundMapper rounds, Round round, Instant deadline, Instant now) {
        if (round.reminderOffsets().isBlank()) {
            return;
        }
        Arrays.stream(round.reminderOffsets().split(",")).map(Integer::parseInt).distinct().forEach(minutes -> {
            Instant due = deadline.minusSeconds(minutes * 60L);
            if (due.isAfter(now) && rounds.rescheduleReminder(round.id(), minutes, due) == 0) {
                rounds.insertReminder(round.id(), minutes, due);
            }
        });
    }
}
