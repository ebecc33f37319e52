package org.yunxie.core.round;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.yunxie.core.audit.AuditEntry;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.ballot.BallotRequest;
import org.yunxie.core.ballot.CastingBallot;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.outbox.OutboxMessage;
import org.yunxie.core.outcome.ClosingDueRounds;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.rule.DecisionRule;
import org.yunxie.core.rule.RulePreset;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;
import org.yunxie.core.support.MutableClock;

@SpringBootTest
class RoundLifecycleTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    DraftingRound drafting;
    @Autowired
    OpeningRound opening;
    @Autowired
    ChangingRule changingRule;
    @Autowired
    ExtendingRound extending;
    @Autowired
    CancellingRound cancelling;
    @Autowired
    ClosingDueRounds closingDue;
    @Autowired
    CastingBallot casting;
    @Autowired
    Rounds rounds;
    @Autowired
    Outbox outbox;
    @Autowired
    AuditLog audit;
    @Autowired
    MutableClock clock;

    @Test
    void aDraftFoundByNumberForABallotIsSeenOpenedOnceItOpens() {
        Neighbourhood place = fixtures.building("88.50");
        Round draft = drafting.draft(RoundDraft.poll(place.community().id(), place.group().id(), "楼道加装扶手",
                fixtures.inADay()).build(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();
        assertThat(rounds.findByNumberForBallot(place.community().id(), draft.number()))
                .hasValueSatisfying(found -> assertThat(found.openedAt()).isNull());

        opening.open(draft.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        Round found = rounds.findByNumberForBallot(place.community().id(), draft.number()).orElseThrow();
        assertThat(found.id()).isEqualTo(draft.id());
        assertThat(found.openedAt()).isNotNull();
        assertThat(rounds.findByNumberForBallot(place.community().id(), draft.number() + 1000)).isEmpty();
    }

    @Test
    void roundsAreNumberedPerCommunityInTheOrderTheyAreDrafted() {
        Neighbourhood place = fixtures.building("88.50");
        Neighbourhood other = fixtures.building("70.00");

        Round first = draft(place);
        Round second = draft(place);
        Round elsewhere = draft(other);

        assertThat(List.of(first.number(), second.number(), elsewhere.number())).containsExactly(1, 2, 1);
        assertThat(first.state()).isEqualTo(RoundState.DRAFT);
    }

    @Test
    void aDraftWithoutTitleOrWithAPastDeadlineIsRefused() {
        Neighbourhood place = fixtures.building("88.50");

        Result<Round> untitled = drafting.draft(RoundDraft.poll(place.community().id(), place.group().id(), " ",
                fixtures.inADay()).build(), Fixtures.STAFF, Channel.CONSOLE);
        Result<Round> past = drafting.draft(RoundDraft.poll(place.community().id(), place.group().id(), "议题",
                clock.instant()).build(), Fixtures.STAFF, Channel.CONSOLE);

        assertThat(untitled).isEqualTo(Result.refused(RefusalReason.TITLE_MISSING));
        assertThat(past).isEqualTo(Result.refused(RefusalReason.DEADLINE_PASSED));
    }

    @Test
    void openingFreezesTheRollOfEligibleHouseholdsWithTheirAreasAndOwnerHeads() {
        Neighbourhood place = fixtures.building("88.50", "90.00", "75.25");
        fixtures.addHousehold(place, "7-1-601", "120.00", "未售");
        var owner = Fixtures.newIdentity();
        fixtures.bind(owner, place.household(0), MemberRole.OWNER);
        fixtures.bind(owner, place.household(1), MemberRole.OWNER);
        fixtures.member(place.household(2), MemberRole.TENANT);

        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        List<RollHousehold> roll = rounds.roll(poll.id());
        assertThat(roll).extracting(RollHousehold::unitLabel).containsExactly("7-1-101", "7-1-102", "7-1-103");
        assertThat(roll.get(2).floorArea()).isEqualByComparingTo("75.25");
        assertThat(roll.get(0).headKey()).isEqualTo(roll.get(1).headKey()).isNotEqualTo(roll.get(2).headKey());
        assertThat(poll.state()).isEqualTo(RoundState.OPEN);
        assertThat(outbox.find("opened:" + poll.id())).map(OutboxMessage::kind).contains(OutboxKind.ROUND_OPENED);
    }

    @Test
    void householdsAddedAfterOpeningAreNotOnTheRoll() {
        Neighbourhood place = fixtures.building("88.50");
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        Household late = fixtures.addHousehold(place, "7-1-502", "99.00", null);
        long member = fixtures.member(late, MemberRole.OWNER);

        assertThat(casting.cast(new BallotRequest(poll.id(), member, null, List.of("A"), Channel.WECOM_APP)))
                .isEqualTo(Result.refused(RefusalReason.NOT_IN_ROUND, poll.number()));
    }

    @Test
    void theRuleCanChangeWhileDraftedAndIsFrozenOnceOpened() {
        Neighbourhood place = fixtures.building("88.50");
        Round draft = draft(place);
        DecisionRule major = DecisionRule.of(RulePreset.CIVIL_CODE_MAJOR);

        Round changed = changingRule.change(draft.id(), major, Fixtures.STAFF, Channel.CONSOLE).orElseThrow();
        opening.open(draft.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();
        Result<Round> afterOpening = changingRule.change(draft.id(), DecisionRule.of(RulePreset.SIMPLE_MAJORITY),
                Fixtures.STAFF, Channel.CONSOLE);

        assertThat(changed.rule()).isEqualTo(major);
        assertThat(afterOpening).isEqualTo(Result.refused(RefusalReason.RULE_FROZEN, draft.number()));
        assertThat(rounds.find(draft.id()).orElseThrow().rule()).isEqualTo(major);
    }

    @Test
    void ballotsAreRefusedBeforeTheRoundOpens() {
        Neighbourhood place = fixtures.building("88.50");
        long member = fixtures.member(place.household(0), MemberRole.OWNER);
        Round draft = draft(place);

        assertThat(casting.cast(new BallotRequest(draft.id(), member, null, List.of("A"), Channel.WECOM_APP)))
                .isEqualTo(Result.refused(RefusalReason.ROUND_NOT_OPEN, draft.number()));
    }

    @Test
    void extendingNeedsAReasonAndALaterDeadlineAndKeepsTheRoundTakingBallots() {
        Neighbourhood place = fixtures.building("88.50");
        long member = fixtures.member(place.household(0), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        Instant later = poll.closingAt().plus(Duration.ofDays(2));

        assertThat(extending.extend(poll.id(), later, " ", Fixtures.STAFF, Channel.CONSOLE))
                .isEqualTo(Result.refused(RefusalReason.REASON_MISSING, poll.number()));
        assertThat(extending.extend(poll.id(), poll.closingAt().minusSeconds(60), "延期", Fixtures.STAFF,
                Channel.CONSOLE)).isEqualTo(Result.refused(RefusalReason.DEADLINE_NOT_LATER, poll.number(),
                poll.closingAt()));
        Round extended = extending.extend(poll.id(), later, "参与户数不足，延长两天", Fixtures.STAFF, Channel.CONSOLE)
                .orElseThrow();
        clock.moveTo(poll.closingAt().plusSeconds(60));

        assertThat(extended.closingAt()).isEqualTo(later);
        closingDue.closeDue(1000);
        assertThat(rounds.find(poll.id()).orElseThrow().state()).isEqualTo(RoundState.OPEN);
        assertThat(casting.cast(new BallotRequest(poll.id(), member, null, List.of("A"), Channel.WECOM_APP)).isDone())
                .isTrue();
        assertThat(audit.ofRound(poll.id())).filteredOn(entry -> entry.action().equals("round.extended"))
                .extracting(AuditEntry::detail).singleElement().asString().contains("参与户数不足");
    }

    @Test
    void aCancelledRoundTakesNoBallotsAndIsNeverClosed() {
        Neighbourhood place = fixtures.building("88.50");
        long member = fixtures.member(place.household(0), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        assertThat(cancelling.cancel(poll.id(), "", Fixtures.STAFF, Channel.CONSOLE))
                .isEqualTo(Result.refused(RefusalReason.REASON_MISSING, poll.number()));
        Round cancelled = cancelling.cancel(poll.id(), "议题已由业委会另行处理", Fixtures.STAFF, Channel.CONSOLE)
                .orElseThrow();
        clock.moveTo(poll.closingAt().plusSeconds(60));

        assertThat(cancelled.state()).isEqualTo(RoundState.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("议题已由业委会另行处理");
        assertThat(casting.cast(new BallotRequest(poll.id(), member, null, List.of("A"), Channel.WECOM_APP)))
                .isEqualTo(Result.refused(RefusalReason.ROUND_CANCELLED, poll.number()));
        closingDue.closeDue(1000);
        assertThat(rounds.find(poll.id()).orElseThrow().closedAt()).isNull();
        assertThat(outbox.find("cancelled:" + poll.id())).isPresent();
    }

    @Test
    void everyStateChangeIsInTheAuditLog() {
        Neighbourhood place = fixtures.building("88.50");
        long member = fixtures.member(place.household(0), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        casting.cast(new BallotRequest(poll.id(), member, null, List.of("A"), Channel.WECOM_APP)).orElseThrow();
        clock.moveTo(poll.closingAt());

        closingDue.closeDue(1000);

        assertThat(audit.ofRound(poll.id())).extracting(AuditEntry::action)
                .containsSubsequence("round.drafted", "round.opened", "ballot.cast", "round.closed");
        assertThat(audit.ofRound(poll.id())).filteredOn(entry -> entry.action().equals("ballot.cast"))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.channel()).isEqualTo(Channel.WECOM_APP);
                    assertThat(entry.householdId()).isEqualTo(place.household(0).id());
                    assertThat(entry.actorId()).isEqualTo(Long.toString(member));
                });
    }

    private Round draft(Neighbourhood place) {
        return drafting.draft(RoundDraft.poll(place.community().id(), place.group().id(), "议题", fixtures.inADay())
                .build(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();
    }
}
