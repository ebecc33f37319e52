package org.yunxie.core.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yunxie.core.ballot.BallotRequest;
import org.yunxie.core.ballot.CastingBallot;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.outbox.OutboxMessage;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.DueReminder;
import org.yunxie.core.round.ExtendingRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;
import org.yunxie.core.support.MutableClock;

@SpringBootTest
class RemindingNonRespondersTest {

    private static final int A_DAY_BEFORE = 24 * 60, TWO_HOURS_BEFORE = 2 * 60;
    /** Other tests' reminders share the table: look far enough to always see ours. */
    private static final int ALL_DUE = 10_000;

    @Autowired
    Fixtures fixtures;
    @Autowired
    RemindingNonResponders reminding;
    @Autowired
    CastingBallot casting;
    @Autowired
    ExtendingRound extending;
    @Autowired
    ClosingRound closing;
    @Autowired
    Outbox outbox;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aPollClosingInThreeDaysIsRemindedADayAndTwoHoursBeforeItsDeadline() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        Round poll = pollClosingIn(place, Duration.ofDays(3));

        assertThat(scheduled(poll)).containsExactlyInAnyOrder(
                tuple(A_DAY_BEFORE, poll.closingAt().minus(Duration.ofHours(24))),
                tuple(TWO_HOURS_BEFORE, poll.closingAt().minus(Duration.ofHours(2))));
        assertThat(dueFor(poll)).as("nothing is due yet").isEmpty();
    }

    @Test
    void aPollClosingInThreeHoursGetsOnlyTheReminderThatIsStillAhead() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        Round poll = pollClosingIn(place, Duration.ofHours(3));

        assertThat(scheduled(poll)).containsExactly(
                tuple(TWO_HOURS_BEFORE, poll.closingAt().minus(Duration.ofHours(2))));
    }

    @Test
    void aDueReminderQueuesOneMessageNamingExactlyTheUnitsThatHaveNotVoted() {
        Neighbourhood place = fixtures.building("88.50", "92.00", "75.00", "101.00");
        List<Long> members = members(place);
        Round poll = pollClosingIn(place, Duration.ofDays(3));
        vote(poll, members.get(0), "A");
        vote(poll, members.get(2), "B");
        Instant firstDue = poll.closingAt().minus(Duration.ofHours(24));
        clock.moveTo(firstDue.plus(Duration.ofMinutes(1)));

        List<DueReminder> due = dueFor(poll);

        assertThat(due).containsExactly(new DueReminder(poll.id(), A_DAY_BEFORE, firstDue));
        assertThat(reminding.sendDue(due.get(0))).isTrue();
        List<OutboxMessage> reminders = reminders(poll);
        assertThat(reminders).hasSize(1);
        Map<String, Object> facts = Outbox.facts(reminders.get(0));
        assertThat(facts.get("pending")).isEqualTo(List.of("7-1-102", "7-1-104"));
        assertThat(facts).containsEntry("number", poll.number()).containsEntry("total", 4);
        assertThat(reminders.get(0).payload()).doesNotContain("7-1-101", "7-1-103", "同意", "反对");
        assertThat(reminders.get(0).chatGroupId()).isEqualTo(place.group().id());
    }

    @Test
    void aReminderIsSentOnceHoweverOftenTheJobRuns() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        List<Long> members = members(place);
        Round poll = pollClosingIn(place, Duration.ofDays(3));
        vote(poll, members.get(0), "A");
        clock.moveTo(poll.closingAt().minus(Duration.ofHours(24)));
        DueReminder due = dueFor(poll).get(0);
        reminding.sendDue(due);
        clock.advance(Duration.ofMinutes(5));

        boolean again = reminding.sendDue(due);

        assertThat(again).isFalse();
        assertThat(dueFor(poll)).isEmpty();
        assertThat(reminders(poll)).hasSize(1);
    }

    @Test
    void theLaterReminderNamesWhoIsStillMissingThen() {
        Neighbourhood place = fixtures.building("88.50", "92.00", "75.00");
        List<Long> members = members(place);
        Round poll = pollClosingIn(place, Duration.ofDays(3));
        clock.moveTo(poll.closingAt().minus(Duration.ofHours(24)));
        dueFor(poll).forEach(reminding::sendDue);
        vote(poll, members.get(0), "A");
        vote(poll, members.get(1), "C");

        clock.moveTo(poll.closingAt().minus(Duration.ofHours(2)));
        List<DueReminder> due = dueFor(poll);
        due.forEach(reminding::sendDue);

        assertThat(due).extracting(DueReminder::offsetMinutes).containsExactly(TWO_HOURS_BEFORE);
        assertThat(reminders(poll)).extracting(message -> Outbox.facts(message).get("pending"))
                .containsExactly(List.of("7-1-101", "7-1-102", "7-1-103"), List.of("7-1-103"));
    }

    @Test
    void extendingTheRoundMovesItsUnsentRemindersWithTheDeadline() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        Round poll = pollClosingIn(place, Duration.ofDays(3));
        Instant later = poll.closingAt().plus(Duration.ofDays(2));

        extending.extend(poll.id(), later, "春节期间多留两天", Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        assertThat(scheduled(poll)).containsExactlyInAnyOrder(
                tuple(A_DAY_BEFORE, later.minus(Duration.ofHours(24))),
                tuple(TWO_HOURS_BEFORE, later.minus(Duration.ofHours(2))));
        clock.moveTo(poll.closingAt().minus(Duration.ofHours(2)));
        assertThat(dueFor(poll)).as("nothing at the old times").isEmpty();
        clock.moveTo(later.minus(Duration.ofHours(24)));
        assertThat(dueFor(poll)).containsExactly(
                new DueReminder(poll.id(), A_DAY_BEFORE, later.minus(Duration.ofHours(24))));
    }

    @Test
    void afterAnExtensionASentReminderIsDueAgainBeforeTheNewDeadline() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        Round poll = pollClosingIn(place, Duration.ofDays(3));
        clock.moveTo(poll.closingAt().minus(Duration.ofHours(24)));
        dueFor(poll).forEach(reminding::sendDue);
        Instant later = poll.closingAt().plus(Duration.ofDays(2));

        extending.extend(poll.id(), later, "春节期间多留两天", Fixtures.STAFF, Channel.CONSOLE).orElseThrow();
        clock.moveTo(later.minus(Duration.ofHours(24)));
        dueFor(poll).forEach(reminding::sendDue);

        assertThat(reminders(poll)).as("one before the old deadline, one before the new").hasSize(2);
        assertThat(scheduled(poll)).contains(tuple(TWO_HOURS_BEFORE, later.minus(Duration.ofHours(2))));
    }

    @Test
    void extendingAddsAReminderThatWasAlreadyTooLateWhenTheRoundOpened() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        Round poll = pollClosingIn(place, Duration.ofHours(3));
        Instant later = poll.closingAt().plus(Duration.ofDays(3));

        extending.extend(poll.id(), later, "再留三天", Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        assertThat(scheduled(poll)).containsExactlyInAnyOrder(
                tuple(A_DAY_BEFORE, later.minus(Duration.ofHours(24))),
                tuple(TWO_HOURS_BEFORE, later.minus(Duration.ofHours(2))));
    }

    @Test
    void aReminderTakenJustBeforeTheRoundClosedIsNotSent() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        Round poll = pollClosingIn(place, Duration.ofDays(3));
        clock.moveTo(poll.closingAt().minus(Duration.ofHours(24)));
        List<DueReminder> taken = dueFor(poll);
        closing.close(poll.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        assertThat(taken).hasSize(1);
        assertThat(reminding.sendDue(taken.get(0))).isFalse();
        assertThat(reminders(poll)).isEmpty();
    }

    @Test
    void staffRemindingNowQueuesTheNonRespondersOnceAMinute() {
        Neighbourhood place = fixtures.building("88.50", "92.00", "75.00");
        List<Long> members = members(place);
        Round poll = pollClosingIn(place, Duration.ofDays(3));
        vote(poll, members.get(1), "A");

        List<String> reminded = reminding.remindNow(poll.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();
        reminding.remindNow(poll.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        assertThat(reminded).containsExactly("7-1-101", "7-1-103");
        assertThat(reminders(poll)).hasSize(1);
        assertThat(Outbox.facts(reminders(poll).get(0)).get("pending")).isEqualTo(List.of("7-1-101", "7-1-103"));
    }

    @Test
    void remindingAClosedRoundIsRefusedAndItsRemindersAreNeverDue() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        Round poll = pollClosingIn(place, Duration.ofDays(3));
        closing.close(poll.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        Result<List<String>> now = reminding.remindNow(poll.id(), Fixtures.STAFF, Channel.CONSOLE);

        assertThat(now).isEqualTo(Result.refused(RefusalReason.ROUND_CLOSED, poll.number()));
        clock.moveTo(poll.closingAt().minus(Duration.ofHours(24)));
        assertThat(dueFor(poll)).isEmpty();
        assertThat(reminders(poll)).isEmpty();
    }

    @Test
    void remindingAfterTheDeadlineBeforeTheCloseIsRefusedToo() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        Round poll = pollClosingIn(place, Duration.ofDays(3));
        clock.moveTo(poll.closingAt());

        assertThat(reminding.remindNow(poll.id(), Fixtures.STAFF, Channel.CONSOLE))
                .isEqualTo(Result.refused(RefusalReason.ROUND_CLOSED, poll.number()));
        assertThat(dueFor(poll)).isEmpty();
        assertThat(reminders(poll)).isEmpty();
    }

    private Round pollClosingIn(Neighbourhood place, Duration duration) {
        return fixtures.open(RoundDraft.poll(place.community().id(), place.group().id(), "是否同意加装电梯？",
                clock.instant().plus(duration)));
    }

    private List<Long> members(Neighbourhood place) {
        return place.households().stream().map(household -> fixtures.member(household, MemberRole.OWNER)).toList();
    }

    private void vote(Round poll, long member, String key) {
        casting.cast(new BallotRequest(poll.id(), member, null, List.of(key), Channel.WECOM_APP)).orElseThrow();
    }

    private List<DueReminder> dueFor(Round poll) {
        return reminding.due(ALL_DUE).stream().filter(due -> due.roundId() == poll.id()).toList();
    }

    private List<OutboxMessage> reminders(Round poll) {
        return outbox.ofRound(poll.id()).stream().filter(message -> message.kind() == OutboxKind.REMINDER).toList();
    }

    private List<Tuple> scheduled(Round poll) {
        return jdbc.query("SELECT offset_minutes, due_at FROM round_reminder WHERE round_id = ?",
                (rs, n) -> tuple(rs.getInt("offset_minutes"),
                        rs.getObject("due_at", LocalDateTime.class).toInstant(ZoneOffset.UTC)), poll.id());
    }
}
