package org.yunxie.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.yunxie.core.ballot.BallotRequest;
import org.yunxie.core.ballot.CastingBallot;
import org.yunxie.core.inbox.InboundMessage;
import org.yunxie.core.inbox.Inbox;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.round.RoundMapper;
import org.yunxie.core.round.RoundState;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.DecisionRule;
import org.yunxie.core.rule.RulePreset;
import org.yunxie.core.rule.Verdict;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;
import org.yunxie.core.support.MutableClock;

@SpringBootTest
class ClosingRoundTest {

    @Autowired
    Inbox inbox;
    @Autowired
    Fixtures fixtures;
    @Autowired
    CastingBallot casting;
    @Autowired
    ClosingRound closing;
    @Autowired
    ClosingDueRounds closingDue;
    @Autowired
    Outcomes outcomes;
    @Autowired
    Rounds rounds;
    @Autowired
    Outbox outbox;
    @Autowired
    MutableClock clock;
    @Autowired
    RoundMapper roundRows;

    @Test
    void aDueRoundCountsTowardsAStormUntilItIsClosed() {
        Neighbourhood place = fixtures.building("100.00");
        Round poll = fixtures.openPoll(place, "是否同意更换门禁？");
        clock.moveTo(poll.closingAt());
        assertThat(roundRows.findDueDeadlines(clock.instant(), 100_000)).contains(poll.closingAt())
                .isSorted();

        closingDue.closeDue(1000);

        assertThat(roundRows.findDueDeadlines(clock.instant(), 100_000)).doesNotContain(poll.closingAt());
    }

    @Test
    void aRoundWaitsForAMessageTakenInBeforeItsDeadlineAndClosesOnceItIsProcessed() {
        Round poll = fixtures.openPoll(fixtures.building("88.50"), "是否同意加装电梯？");
        InboundMessage sentInTime = takeInJustBeforeTheDeadlineOf(poll);
        clock.moveTo(poll.closingAt().plusSeconds(30));

        closingDue.closeDue(1000);
        RoundState whileWaiting = rounds.find(poll.id()).orElseThrow().state();
        inbox.markProcessed(sentInTime.id(), null);
        closingDue.closeDue(1000);

        assertThat(whileWaiting).isEqualTo(RoundState.OPEN);
        assertThat(rounds.find(poll.id()).orElseThrow().state()).isEqualTo(RoundState.CLOSED);
    }

    @Test
    void aRoundWaitsForMessagesTakenInBeforeItsDeadlineNoLongerThanTenMinutes() {
        Round poll = fixtures.openPoll(fixtures.building("88.50"), "是否同意加装电梯？");
        InboundMessage stuck = takeInJustBeforeTheDeadlineOf(poll);
        try {
            clock.moveTo(poll.closingAt().plus(Duration.ofMinutes(9)));
            closingDue.closeDue(1000);
            RoundState afterNine = rounds.find(poll.id()).orElseThrow().state();
            clock.moveTo(poll.closingAt().plus(Duration.ofMinutes(10)).plusSeconds(2));
            closingDue.closeDue(1000);

            assertThat(afterNine).isEqualTo(RoundState.OPEN);
            assertThat(rounds.find(poll.id()).orElseThrow().state()).isEqualTo(RoundState.CLOSED);
        } finally {
            inbox.markProcessed(stuck.id(), null);
        }
    }

    @Test
    void theOutcomeRecordsEveryFigureItWasDecidedOn() {
        Neighbourhood place = fixtures.building("100.00", "80.00", "60.00", "60.00");
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        vote(poll, place, 0, "A");
        vote(poll, place, 1, "A");
        vote(poll, place, 2, "B");
        clock.moveTo(poll.closingAt());

        assertThat(closingDue.closeDue(1000)).isGreaterThanOrEqualTo(1);

        Outcome outcome = outcomes.ofRound(poll.id()).orElseThrow();
        assertThat(outcome.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(outcome.adoptedOptions()).isEqualTo("A");
        assertThat(outcome.eligibleHouseholds()).isEqualTo(4);
        assertThat(outcome.eligibleArea()).isEqualByComparingTo("300.00");
        assertThat(outcome.participatingHouseholds()).isEqualTo(3);
        assertThat(outcome.participatingArea()).isEqualByComparingTo("240.00");
        assertThat(outcome.options()).extracting(Outcome.OptionFigures::position, Outcome.OptionFigures::households)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, 2), org.assertj.core.groups.Tuple.tuple(2, 1));
        assertThat(outcome.options().get(0).area()).isEqualByComparingTo("180.00");
        assertThat(outcome.ruleSummary()).contains("SIMPLE_MAJORITY");
        assertThat(rounds.find(poll.id()).orElseThrow().state()).isEqualTo(RoundState.CLOSED);
        assertThat(outbox.find("outcome:" + poll.id())).isPresent();
    }

    @Test
    void theCivilCodeCountsAnOwnerOfSeveralUnitsOnceByHead() {
        Neighbourhood place = fixtures.building("100.00", "100.00", "100.00");
        var owner = Fixtures.newIdentity();
        long twoUnits = fixtures.bind(owner, place.household(0), MemberRole.OWNER);
        fixtures.bind(owner, place.household(1), MemberRole.OWNER);
        long third = fixtures.member(place.household(2), MemberRole.OWNER);
        Round poll = fixtures.open(RoundDraft.poll(place.community().id(), place.group().id(), "使用维修资金",
                fixtures.inADay()).rule(DecisionRule.of(RulePreset.CIVIL_CODE_MAJOR)));
        castFor(poll, twoUnits, place.household(0).id(), "A");
        castFor(poll, twoUnits, place.household(1).id(), "A");
        castFor(poll, third, place.household(2).id(), "B");

        Outcome outcome = closing.close(poll.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        // 2 of 3 units and 2/3 of the area approve, but by head it is 1 owner of 2: not three quarters.
        assertThat(outcome.eligibleHeads()).isEqualTo(2);
        assertThat(outcome.participatingHeads()).isEqualTo(2);
        assertThat(outcome.options().get(0).heads()).isEqualTo(1);
        assertThat(outcome.verdict()).isEqualTo(Verdict.NOT_APPROVED);
    }

    @Test
    void aRoundWithoutBallotsClosesWithNoParticipation() {
        Neighbourhood place = fixtures.building("88.50", "90.00");
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        Outcome outcome = closing.close(poll.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        assertThat(outcome.verdict()).isEqualTo(Verdict.NO_PARTICIPATION);
        assertThat(outcome.passed()).isFalse();
    }

    @Test
    void closingTwiceIsRefusedTheSecondTime() {
        Neighbourhood place = fixtures.building("88.50");
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        closing.close(poll.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        assertThat(closing.close(poll.id(), Fixtures.STAFF, Channel.CONSOLE))
                .isEqualTo(Result.refused(RefusalReason.ROUND_CLOSED, poll.number()));
        assertThat(outbox.ofRound(poll.id())).filteredOn(m -> m.dedupeKey().startsWith("outcome:")).hasSize(1);
    }

    private void vote(Round poll, Neighbourhood place, int household, String key) {
        long member = fixtures.member(place.household(household), MemberRole.OWNER);
        castFor(poll, member, place.household(household).id(), key);
    }

    private void castFor(Round poll, long member, long household, String key) {
        casting.cast(new BallotRequest(poll.id(), member, household, List.of(key), Channel.WECOM_APP)).orElseThrow();
    }

    /** A message stored for later a second before the round's deadline. */
    private InboundMessage takeInJustBeforeTheDeadlineOf(Round poll) {
        clock.moveTo(poll.closingAt().minusSeconds(1));
        return inbox.acceptForAnyone(Channel.OFFLINE, "closing-" + UUID.randomUUID(), "u1", null, "body")
                .orElseThrow();
    }
}
