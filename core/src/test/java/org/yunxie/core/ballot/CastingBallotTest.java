package org.yunxie.core.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yunxie.core.audit.AuditEntry;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.Member;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.CancellingRound;
import org.yunxie.core.round.ExtendingRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;
import org.yunxie.core.support.MutableClock;

@SpringBootTest
class CastingBallotTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CastingBallot casting;
    @Autowired
    Ballots ballots;
    @Autowired
    ClosingRound closing;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditLog audit;
    @Autowired
    Roster roster;
    @Autowired
    CancellingRound cancelling;
    @Autowired
    ExtendingRound extending;

    @Test
    void aBallotIsRecordedForTheMembersHouseholdAndReadBackWithAReceipt() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        long member = fixtures.member(place.household(0), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        BallotRecorded recorded = cast(poll, member, "A").orElseThrow();

        assertThat(recorded.unitLabel()).isEqualTo("7-1-101");
        assertThat(recorded.round().number()).isEqualTo(poll.number());
        assertThat(recorded.chosen()).extracting(OptionSpec::label).containsExactly("同意");
        assertThat(recorded.receipt()).matches("[2-9A-HJ-NP-Z]{4}");
        assertThat(recorded.changed()).isFalse();
        assertThat(ballots.ownChoice(poll, place.household(0).id())).contains("A");
    }

    @Test
    void theAuditLogNamesTheMemberWhetherTheChannelReadThemOrNot() {
        Neighbourhood place = fixtures.building("88.50");
        ChatIdentity identity = Fixtures.newIdentity();
        long memberId = fixtures.bind(identity, place.household(0), MemberRole.OWNER);
        Member member = roster.member(identity).orElseThrow();
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        cast(poll, memberId, "A").orElseThrow();
        casting.cast(BallotRequest.by(member, poll.id(), null, List.of("B"), Channel.WECOM_ROBOT)).orElseThrow();

        assertThat(audit.ofRound(poll.id())).filteredOn(entry -> entry.action().startsWith("ballot."))
                .extracting(AuditEntry::action, AuditEntry::actorId, AuditEntry::actorName)
                .containsExactly(tuple("ballot.cast", String.valueOf(memberId), "居民7-1-101"),
                        tuple("ballot.changed", String.valueOf(memberId), "居民7-1-101"));
    }

    @Test
    void theSameChoiceAgainFromTheSameMemberChangesAndRecordsNothing() {
        Neighbourhood place = fixtures.building("88.50");
        long member = fixtures.member(place.household(0), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意更换门禁？");
        BallotRecorded first = cast(poll, member, "A").orElseThrow();
        clock.advance(Duration.ofMinutes(5));

        BallotRecorded again = cast(poll, member, "A").orElseThrow();

        assertThat(again.changed()).isFalse();
        assertThat(again.receipt()).isEqualTo(first.receipt());
        assertThat(ballots.history(poll, place.household(0).id())).extracting(Ballot::choice).containsExactly("A");
        assertThat(ballots.tally(poll).option(1).households()).isEqualTo(1);
    }

    @Test
    void changingTheBallotKeepsOneCurrentBallotTheHistoryAndTheSameReceipt() {
        Neighbourhood place = fixtures.building("88.50");
        long member = fixtures.member(place.household(0), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        BallotRecorded first = cast(poll, member, "A").orElseThrow();
        clock.advance(Duration.ofMinutes(5));

        BallotRecorded second = cast(poll, member, "B").orElseThrow();

        assertThat(second.changed()).isTrue();
        assertThat(second.receipt()).isEqualTo(first.receipt());
        assertThat(ballots.ownChoice(poll, place.household(0).id())).contains("B");
        assertThat(ballots.history(poll, place.household(0).id())).extracting(Ballot::choice).containsExactly("A", "B");
        assertThat(ballots.tally(poll).option(1).households()).isZero();
        assertThat(ballots.tally(poll).option(2).households()).isEqualTo(1);
    }

    @Test
    void twoMembersOfOneHouseholdShareOneBallot() {
        Neighbourhood place = fixtures.building("88.50");
        long owner = fixtures.member(place.household(0), MemberRole.OWNER);
        long tenant = fixtures.member(place.household(0), MemberRole.TENANT);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        cast(poll, owner, "A").orElseThrow();
        BallotRecorded tenantsBallot = cast(poll, tenant, "B").orElseThrow();

        assertThat(tenantsBallot.changed()).isTrue();
        assertThat(ballots.respondedHouseholds(poll.id())).containsExactly(place.household(0).id());
        assertThat(ballots.tally(poll).participating().households()).isEqualTo(1);
    }

    @Test
    void aBallotAfterTheDeadlineIsRefusedAndStoredNowhere() {
        Neighbourhood place = fixtures.building("88.50");
        long member = fixtures.member(place.household(0), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        clock.moveTo(poll.closingAt());

        Result<BallotRecorded> late = cast(poll, member, "A");

        assertThat(late).isEqualTo(Result.refused(RefusalReason.ROUND_CLOSED, poll.number()));
        assertThat(rowsFor("ballot", poll)).isZero();
        assertThat(rowsFor("ballot_history", poll)).isZero();
        assertThat(rowsFor("receipt", poll)).isZero();
    }

    @Test
    void aBallotSentBeforeTheDeadlineAndRecordedAfterItCountsWhileTheRoundIsNotClosed() {
        Neighbourhood place = fixtures.building("88.50", "90.00");
        long inTime = fixtures.member(place.household(0), MemberRole.OWNER);
        long late = fixtures.member(place.household(1), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        Instant sentInTime = poll.closingAt().minusSeconds(1);
        clock.moveTo(poll.closingAt().plusSeconds(40));

        BallotRecorded recorded = castSent(poll, inTime, sentInTime, "A").orElseThrow();
        Result<BallotRecorded> sentLate = castSent(poll, late, poll.closingAt(), "A");

        assertThat(recorded.receipt()).isNotBlank();
        assertThat(ballots.history(poll, place.household(0).id())).extracting(Ballot::castAt)
                .containsExactly(sentInTime);
        assertThat(ballots.tally(poll).option(1).households()).isEqualTo(1);
        assertThat(sentLate).isEqualTo(Result.refused(RefusalReason.ROUND_CLOSED, poll.number()));
    }

    @Test
    void aBallotRecordedLateIsRefusedWhereTheHouseholdChoseAgainAfterSendingItAndTheLaterChoiceStands() {
        Neighbourhood place = fixtures.building("88.50");
        long owner = fixtures.member(place.household(0), MemberRole.OWNER);
        long tenant = fixtures.member(place.household(0), MemberRole.TENANT);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        Instant ownerSent = clock.instant();
        clock.advance(Duration.ofSeconds(20));
        cast(poll, tenant, "B").orElseThrow();
        clock.advance(Duration.ofSeconds(20));

        Result<BallotRecorded> older = castSent(poll, owner, ownerSent, "A");
        BallotRecorded newer = castSent(poll, owner, clock.instant().minusSeconds(5), "C").orElseThrow();

        assertThat(older).isEqualTo(Result.refused(RefusalReason.SUPERSEDED, poll.number()));
        assertThat(newer.changed()).isTrue();
        assertThat(ballots.ownChoice(poll, place.household(0).id())).contains("C");
        assertThat(ballots.history(poll, place.household(0).id())).extracting(Ballot::choice)
                .containsExactly("B", "C");
    }

    @Test
    void aBallotAfterCloseIsRefusedAndLeavesTheOutcomeAsItWas() {
        VotedPoll voted = pollWithOneBallot();
        Round poll = voted.poll();
        closing.close(poll.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        Result<BallotRecorded> late = cast(poll, voted.nextVoter(), "A");

        assertThat(late).isEqualTo(Result.refused(RefusalReason.ROUND_CLOSED, poll.number()));
        assertThat(rowsFor("ballot", poll)).isEqualTo(1);
    }

    @Test
    void aBallotAfterTheRoundWasCancelledIsRefusedThoughAnEarlierBallotHadReadTheRound() {
        VotedPoll voted = pollWithOneBallot();
        Round poll = voted.poll();
        cancelling.cancel(poll.id(), "议题有误", Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        Result<BallotRecorded> late = cast(poll, voted.nextVoter(), "A");

        assertThat(late).isEqualTo(Result.refused(RefusalReason.ROUND_CANCELLED, poll.number()));
        assertThat(rowsFor("ballot", poll)).isEqualTo(1);
    }

    @Test
    void aDeadlineMovedAfterAnEarlierBallotHadReadTheRoundLetsALaterBallotIn() {
        VotedPoll voted = pollWithOneBallot();
        Round poll = voted.poll();
        Instant later = poll.closingAt().plus(Duration.ofDays(2));
        extending.extend(poll.id(), later, "多给两天", Fixtures.STAFF, Channel.CONSOLE).orElseThrow();
        clock.moveTo(poll.closingAt().plusSeconds(60));

        BallotRecorded recorded = cast(poll, voted.nextVoter(), "B").orElseThrow();

        assertThat(recorded.round().closingAt()).isEqualTo(later);
        assertThat(recorded.round().title()).isEqualTo(poll.title());
        assertThat(rowsFor("ballot", poll)).isEqualTo(2);
    }

    @Test
    void aPersonBoundToNoHouseholdIsRefused() {
        Neighbourhood place = fixtures.building("88.50");
        Neighbourhood elsewhere = fixtures.building("70.00");
        long stranger = fixtures.member(elsewhere.household(0), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        assertThat(cast(poll, stranger, "A")).isEqualTo(Result.refused(RefusalReason.NOT_BOUND, poll.number()));
        assertThat(rowsFor("ballot", poll)).isZero();
    }

    @Test
    void aHouseholdOffTheRollIsRefused() {
        Neighbourhood place = fixtures.building("88.50");
        Household unsold = fixtures.addHousehold(place, "7-1-601", "120.00", "未售");
        long developerContact = fixtures.member(unsold, MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        assertThat(cast(poll, developerContact, "A"))
                .isEqualTo(Result.refused(RefusalReason.NOT_IN_ROUND, poll.number()));
    }

    @Test
    void anUnknownOptionOrTooManyChoicesAreRefused() {
        Neighbourhood place = fixtures.building("88.50");
        long member = fixtures.member(place.household(0), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        Round pick = fixtures.open(RoundDraft.poll(place.community().id(), place.group().id(), "绿化方案",
                fixtures.inADay()).options(List.of("种树", "铺草坪", "建花坛"), 2));

        assertThat(cast(poll, member, "D")).isEqualTo(Result.refused(RefusalReason.OPTION_UNKNOWN, poll.number(), "D"));
        assertThat(cast(poll, member)).isEqualTo(Result.refused(RefusalReason.NO_CHOICE, poll.number()));
        assertThat(cast(pick, member, "A", "B", "C"))
                .isEqualTo(Result.refused(RefusalReason.TOO_MANY_CHOICES, pick.number(), 2));
        assertThat(cast(pick, member, "C", "a").orElseThrow().chosen()).extracting(OptionSpec::label)
                .containsExactly("建花坛", "种树");
    }

    @Test
    void anOwnerOfTwoUnitsIsAskedWhichHouseholdAndCanName() {
        Neighbourhood place = fixtures.building("88.50", "90.00");
        var owner = Fixtures.newIdentity();
        long member = fixtures.bind(owner, place.household(0), MemberRole.OWNER);
        fixtures.bind(owner, place.household(1), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        assertThat(cast(poll, member, "A")).isEqualTo(Result.refused(RefusalReason.HOUSEHOLD_AMBIGUOUS, poll.number(),
                List.of("7-1-101", "7-1-102")));
        BallotRecorded named = casting.cast(new BallotRequest(poll.id(), member, place.household(1).id(), List.of("A"),
                Channel.WECOM_APP)).orElseThrow();
        assertThat(named.unitLabel()).isEqualTo("7-1-102");
    }

    @Test
    void aSecretBallotIsStoredSealedYetCountedAndShownToItsHousehold() {
        Neighbourhood place = fixtures.building("88.50", "90.00");
        long member = fixtures.member(place.household(0), MemberRole.OWNER);
        Round secret = fixtures.open(RoundDraft.poll(place.community().id(), place.group().id(), "选举监事",
                fixtures.inADay()).secrecy(true, true));

        cast(secret, member, "B").orElseThrow();

        assertThat(jdbc.queryForObject("SELECT choice FROM ballot WHERE round_id = ?", String.class, secret.id()))
                .isNull();
        assertThat(jdbc.queryForObject("SELECT sealed_choice FROM ballot WHERE round_id = ?", String.class,
                secret.id())).isNotEqualTo("B").hasSizeGreaterThan(20);
        assertThat(ballots.history(secret, place.household(0).id())).extracting(Ballot::choice).containsOnlyNulls();
        assertThat(secret.showsResultsNow()).isFalse();
        assertThat(ballots.ownChoice(secret, place.household(0).id())).contains("B");
        assertThat(ballots.tally(secret).option(2).households()).isEqualTo(1);
    }

    /** An open poll of two households, one of which has voted (so the round has been read for a ballot). */
    private VotedPoll pollWithOneBallot() {
        Neighbourhood place = fixtures.building("88.50", "90.00");
        long first = fixtures.member(place.household(0), MemberRole.OWNER);
        long second = fixtures.member(place.household(1), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        cast(poll, first, "A").orElseThrow();
        return new VotedPoll(poll, second);
    }

    private record VotedPoll(Round poll, long nextVoter) {
    }

    private Result<BallotRecorded> cast(Round round, long member, String... keys) {
        return casting.cast(new BallotRequest(round.id(), member, null, List.of(keys), Channel.WECOM_APP));
    }

    private Result<BallotRecorded> castSent(Round round, long member, Instant sentAt, String... keys) {
        return casting.cast(new BallotRequest(round.id(), member, null, List.of(keys), Channel.WECOM_APP)
                .sentAt(sentAt));
    }

    private int rowsFor(String table, Round round) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE round_id = ?", Integer.class, round.id());
    }
}
