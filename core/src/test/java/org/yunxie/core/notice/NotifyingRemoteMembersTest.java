package org.yunxie.core.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.yunxie.core.ballot.BallotRequest;
import org.yunxie.core.ballot.CastingBallot;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.outbox.OutboxMessage;
import org.yunxie.core.reminder.RemindingNonResponders;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;
import org.yunxie.core.support.MutableClock;

@SpringBootTest
class NotifyingRemoteMembersTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Outbox outbox;
    @Autowired
    CastingBallot casting;
    @Autowired
    RemindingNonResponders reminding;
    @Autowired
    MutableClock clock;

    @Test
    void onlyMembersReachableSolelyThroughTheOfficialAccountAreNoticedWhenARoundOpens() {
        Neighbourhood place = fixtures.building("88.50", "90.00");
        long landlord = fixtures.bind(openid(), place.household(0), MemberRole.LANDLORD);
        fixtures.member(place.household(0), MemberRole.TENANT);
        fixtures.member(place.household(1), MemberRole.OWNER);

        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        assertThat(notices(poll)).extracting(OutboxMessage::memberId).containsExactly(landlord);
        assertThat(notices(poll)).extracting(OutboxMessage::kind).containsExactly(OutboxKind.ROUND_OPENED);
        assertThat(Outbox.facts(notices(poll).get(0))).containsEntry("unitLabel", "7-1-101");
    }

    @Test
    void aReminderNoticeGoesOnlyToRemoteMembersWhoseHomeHasNotReplied() {
        Neighbourhood place = fixtures.building("88.50", "90.00");
        long waiting = fixtures.bind(openid(), place.household(0), MemberRole.LANDLORD);
        long replied = fixtures.bind(openid(), place.household(1), MemberRole.LANDLORD);
        Round poll = fixtures.open(org.yunxie.core.round.RoundDraft.poll(place.community().id(), place.group().id(),
                "议题", clock.instant().plus(Duration.ofDays(3))));
        casting.cast(new BallotRequest(poll.id(), replied, null, List.of("A"), Channel.OFFICIAL_ACCOUNT)).orElseThrow();
        clock.moveTo(poll.closingAt().minus(Duration.ofHours(24)));

        reminding.due(10_000).stream().filter(due -> due.roundId() == poll.id()).forEach(reminding::sendDue);

        assertThat(notices(poll)).filteredOn(notice -> notice.kind() == OutboxKind.REMINDER)
                .extracting(OutboxMessage::memberId).containsExactly(waiting);
    }

    private List<OutboxMessage> notices(Round round) {
        return outbox.ofRound(round.id()).stream().filter(message -> message.memberId() != null).toList();
    }

    private static ChatIdentity openid() {
        return new ChatIdentity(IdentityKind.MP_OPENID, "o-" + java.util.UUID.randomUUID());
    }
}
