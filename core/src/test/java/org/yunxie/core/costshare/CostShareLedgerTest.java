package org.yunxie.core.costshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.yunxie.core.ballot.BallotRecorded;
import org.yunxie.core.ballot.BallotRequest;
import org.yunxie.core.ballot.CastingBallot;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.outcome.Outcome;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.rule.RulePreset;
import org.yunxie.core.rule.Verdict;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;
import org.yunxie.core.support.MutableClock;

@SpringBootTest
class CostShareLedgerTest {

    private static final String DOOR_ACCESS = "加装门禁, 每户200元";
    private static final long TWO_HUNDRED_YUAN = 200_00;
    private static final String CONFIRM = "A", OBJECT = "B";
    private static final Actor CASHIER = Actor.staff("s2", "社工 王芳");

    @Autowired
    Fixtures fixtures;
    @Autowired
    CastingBallot casting;
    @Autowired
    ClosingRound closing;
    @Autowired
    Ledger ledger;
    @Autowired
    RecordingPayment payments;
    @Autowired
    Rounds rounds;
    @Autowired
    MutableClock clock;


    @Test
    void everyHouseholdOnTheRollCarriesTwoHundredYuanAndIsToldSoWhenItConfirms() {
        Neighbourhood place = fiveHouseholds();
        List<Long> members = members(place);
        Round share = openDoorAccessShare(place);

        BallotRecorded confirmed = pledge(share, members.get(0), CONFIRM).orElseThrow();

        assertThat(share.rulePreset()).isEqualTo(RulePreset.SIXTY_PERCENT_OF_ALL);
        assertThat(rounds.roll(share.id())).hasSize(5).extracting(RollHousehold::shareFen)
                .containsOnly(TWO_HUNDRED_YUAN);
        assertThat(confirmed.shareFen()).isEqualTo(TWO_HUNDRED_YUAN);
        assertThat(confirmed.unitLabel()).isEqualTo("7-1-101");
        assertThat(confirmed.chosen()).extracting(OptionSpec::label).containsExactly("确认");
        assertThat(pledge(share, members.get(1), OBJECT).orElseThrow().shareFen()).isEqualTo(TWO_HUNDRED_YUAN);
    }

    @Test
    void threeOfFiveConfirmingBindsEveryHouseholdOnTheRollWithAPledgedLine() {
        Neighbourhood place = fiveHouseholds();
        List<Long> members = members(place);
        Round share = openDoorAccessShare(place);
        pledge(share, members.get(0), CONFIRM).orElseThrow();
        pledge(share, members.get(1), CONFIRM).orElseThrow();
        pledge(share, members.get(2), CONFIRM).orElseThrow();
        pledge(share, members.get(3), OBJECT).orElseThrow();
        clock.advance(Duration.ofHours(1));

        Outcome outcome = closing.close(share.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        assertThat(outcome.passed()).isTrue();
        assertThat(outcome.verdict()).isEqualTo(Verdict.PASSED);
        List<LedgerLine> lines = ledger.ofRound(share.id());
        assertThat(lines).extracting(LedgerLine::unitLabel, LedgerLine::amountFen, LedgerLine::confirmed,
                LedgerLine::status).containsExactly(
                tuple("7-1-101", TWO_HUNDRED_YUAN, true, LedgerStatus.PLEDGED),
                tuple("7-1-102", TWO_HUNDRED_YUAN, true, LedgerStatus.PLEDGED),
                tuple("7-1-103", TWO_HUNDRED_YUAN, true, LedgerStatus.PLEDGED),
                tuple("7-1-104", TWO_HUNDRED_YUAN, false, LedgerStatus.PLEDGED),
                tuple("7-1-105", TWO_HUNDRED_YUAN, false, LedgerStatus.PLEDGED));
        assertThat(lines).extracting(LedgerLine::pledgedAt).containsOnly(clock.instant());
        assertThat(lines).extracting(LedgerLine::communityId).containsOnly(place.community().id());
        assertThat(lines).extracting(LedgerLine::paidAt).containsOnlyNulls();
    }

    @Test
    void twoOfFiveConfirmingDoesNotPassAndOpensNoLedger() {
        Neighbourhood place = fiveHouseholds();
        List<Long> members = members(place);
        Round share = openDoorAccessShare(place);
        pledge(share, members.get(0), CONFIRM).orElseThrow();
        pledge(share, members.get(1), CONFIRM).orElseThrow();
        pledge(share, members.get(2), OBJECT).orElseThrow();

        Outcome outcome = closing.close(share.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.verdict()).isEqualTo(Verdict.NOT_APPROVED);
        assertThat(ledger.ofRound(share.id())).isEmpty();
        assertThat(ledger.line(share.id(), place.household(0).id())).isEmpty();
        assertThat(payments.record(share.id(), place.household(0).id(), LedgerStatus.PAID, null, CASHIER,
                Channel.CONSOLE)).isEqualTo(Result.refused(RefusalReason.LEDGER_LINE_NOT_FOUND, share.id(),
                place.household(0).id()));
    }

    @Test
    void recordingAPaymentKeepsWhoAndWhenAndAPaidShareCanBeRefunded() {
        Neighbourhood place = fiveHouseholds();
        Round share = passedShare(place);
        long household = place.household(0).id();
        clock.advance(Duration.ofDays(2));
        Instant paidAt = clock.instant();

        LedgerLine paid = payments.record(share.id(), household, LedgerStatus.PAID, "微信转账", CASHIER,
                Channel.CONSOLE).orElseThrow();

        assertThat(paid.status()).isEqualTo(LedgerStatus.PAID);
        assertThat(paid.paidAt()).isEqualTo(paidAt);
        assertThat(paid.paidBy()).isEqualTo(CASHIER.label());
        assertThat(paid.note()).isEqualTo("微信转账");
        assertThat(ledger.line(share.id(), household).orElseThrow()).isEqualTo(paid);

        clock.advance(Duration.ofDays(30));
        LedgerLine refunded = payments.record(share.id(), household, LedgerStatus.REFUNDED, "工程取消", Fixtures.STAFF,
                Channel.CONSOLE).orElseThrow();

        assertThat(refunded.status()).isEqualTo(LedgerStatus.REFUNDED);
        assertThat(refunded.refundedAt()).isEqualTo(clock.instant());
        assertThat(refunded.refundedBy()).isEqualTo(Fixtures.STAFF.label());
        assertThat(refunded.paidAt()).isEqualTo(paidAt);
        assertThat(refunded.paidBy()).isEqualTo(CASHIER.label());
    }

    @Test
    void refundingAnUnpaidShareOrPayingTwiceIsRefusedAndChangesNothing() {
        Neighbourhood place = fiveHouseholds();
        Round share = passedShare(place);
        long unpaid = place.household(1).id();
        long paid = place.household(2).id();
        payments.record(share.id(), paid, LedgerStatus.PAID, "现金", CASHIER, Channel.CONSOLE).orElseThrow();
        LedgerLine unpaidBefore = ledger.line(share.id(), unpaid).orElseThrow();
        LedgerLine paidBefore = ledger.line(share.id(), paid).orElseThrow();
        clock.advance(Duration.ofHours(3));

        Result<LedgerLine> refund = payments.record(share.id(), unpaid, LedgerStatus.REFUNDED, "误操作",
                Fixtures.STAFF, Channel.CONSOLE);
        Result<LedgerLine> payAgain = payments.record(share.id(), paid, LedgerStatus.PAID, "又付一次",
                Fixtures.STAFF, Channel.CONSOLE);

        assertThat(refund).isEqualTo(Result.refused(RefusalReason.LEDGER_TRANSITION_NOT_ALLOWED, "7-1-102",
                LedgerStatus.PLEDGED, LedgerStatus.REFUNDED));
        assertThat(payAgain).isEqualTo(Result.refused(RefusalReason.LEDGER_TRANSITION_NOT_ALLOWED, "7-1-103",
                LedgerStatus.PAID, LedgerStatus.PAID));
        assertThat(ledger.line(share.id(), unpaid).orElseThrow()).isEqualTo(unpaidBefore);
        assertThat(ledger.line(share.id(), paid).orElseThrow()).isEqualTo(paidBefore);
        assertThat(paidBefore.paidBy()).isEqualTo(CASHIER.label());
        assertThat(paidBefore.note()).isEqualTo("现金");
    }

    @Test
    void aTotalSplitByAreaAddsUpToTheFenOverTheEligibleHouseholds() {
        Neighbourhood place = fixtures.building("88.50", "92.30", "120.00", "65.75", "101.11");
        Household unsold = fixtures.addHousehold(place, "7-1-601", "150.00", "未售");
        long member = fixtures.member(place.household(2), MemberRole.OWNER);
        long thousandYuan = 1000_00;

        Round share = fixtures.open(RoundDraft.costShare(place.community().id(), place.group().id(),
                "外墙修补, 按面积分摊1000元", ShareMode.TOTAL_BY_AREA, thousandYuan, fixtures.inADay()));

        List<RollHousehold> roll = rounds.roll(share.id());
        assertThat(roll).extracting(RollHousehold::householdId).doesNotContain(unsold.id()).hasSize(5);
        assertThat(roll.stream().mapToLong(RollHousehold::shareFen).sum()).isEqualTo(thousandYuan);
        BigDecimal totalArea = new BigDecimal("467.66");
        for (RollHousehold entry : roll) {
            BigDecimal exact = BigDecimal.valueOf(thousandYuan).multiply(entry.floorArea())
                    .divide(totalArea, 6, RoundingMode.HALF_UP);
            assertThat(BigDecimal.valueOf(entry.shareFen()).subtract(exact).abs())
                    .as("share of %s", entry.unitLabel()).isLessThan(BigDecimal.ONE);
        }
        long largest = roll.stream().filter(entry -> entry.unitLabel().equals("7-1-103")).findFirst().orElseThrow()
                .shareFen();
        assertThat(pledge(share, member, CONFIRM).orElseThrow().shareFen()).isEqualTo(largest);
    }

    private Neighbourhood fiveHouseholds() {
        return fixtures.building("88.50", "92.00", "75.00", "101.00", "66.60");
    }

    private Round openDoorAccessShare(Neighbourhood place) {
        return fixtures.open(RoundDraft.costShare(place.community().id(), place.group().id(), DOOR_ACCESS,
                ShareMode.PER_HOUSEHOLD, TWO_HUNDRED_YUAN, fixtures.inADay()));
    }

    /** A door-access share that 3 of the 5 households confirmed, closed. */
    private Round passedShare(Neighbourhood place) {
        List<Long> members = members(place);
        Round share = openDoorAccessShare(place);
        for (int i = 0; i < 3; i++) {
            pledge(share, members.get(i), CONFIRM).orElseThrow();
        }
        assertThat(closing.close(share.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow().passed()).isTrue();
        return share;
    }

    private List<Long> members(Neighbourhood place) {
        return place.households().stream().map(household -> fixtures.member(household, MemberRole.OWNER)).toList();
    }

    private Result<BallotRecorded> pledge(Round share, long member, String key) {
        return casting.cast(new BallotRequest(share.id(), member, null, List.of(key), Channel.WECOM_APP));
    }
}
