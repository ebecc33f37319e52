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

    /**
     * The first reminders of a round that is being opened: it has none yet, so they are only inserted. Trying
     * the update first (as {@link #schedule} must after an extension) would, under REPEATABLE READ, take a gap
     * lock at the end of round_reminder, and two rounds opened at the same moment deadlock on it.
     */
    static void scheduleFirst(RoundMapper rounds, Round round, Instant deadline, Instant now) {
        if (round.reminderOffsets().isBlank()) {
            return;
        }
        Arrays.stream(round.reminderOffsets().split(",")).map(Integer::parseInt).distinct().forEach(minutes -> {
            Instant due = deadline.minusSeconds(minutes * 60L);
            if (due.isAfter(now)) {
                rounds.insertReminder(round.id(), minutes, due);
            }
        });
    }
}
