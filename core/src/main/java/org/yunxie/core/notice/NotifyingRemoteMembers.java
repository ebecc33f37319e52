package org.yunxie.core.notice;

import java.util.Collection;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;

/**
 * Queues notices for members who are in no group (an openid, no WeCom userid: typically landlords living
 * elsewhere) when a round concerning their household opens, and before its deadline while their household
 * has not responded. In the caller's transaction, one notice per member and occasion.
 */
@Component
public class NotifyingRemoteMembers {

    private final Roster roster;
    private final Outbox outbox;

    NotifyingRemoteMembers(Roster roster, Outbox outbox) {
        this.roster = roster;
        this.outbox = outbox;
    }

    public void roundOpened(Round round, Collection<Long> households) {
        notify(round, households, OutboxKind.ROUND_OPENED, "opened");
    }

    /** {@code occasion} tells reminders apart, e.g. the reminder's offset and due time. */
    public void reminder(Round round, Collection<Long> pendingHouseholds, String occasion) {
        notify(round, pendingHouseholds, OutboxKind.REMINDER, "reminder:" + occasion);
    }

    private void notify(Round round, Collection<Long> households, OutboxKind kind, String occasion) {
        for (Binding binding : roster.remoteBindings(households)) {
            outbox.enqueueForMember(kind, "notice:" + occasion + ":" + round.id() + ":" + binding.memberId()
                            + ":" + binding.householdId(), round.id(), binding.memberId(),
                    Map.of("number", round.number(), "household", binding.householdId(),
                            "unitLabel", binding.unitLabel()));
        }
    }
}
