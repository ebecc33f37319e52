package org.yunxie.core.costshare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.yunxie.core.costshare.ShareMode.PER_HOUSEHOLD;
import static org.yunxie.core.costshare.ShareMode.TOTAL_BY_AREA;
import static org.yunxie.core.costshare.ShareMode.TOTAL_EQUAL;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.yunxie.core.costshare.CostSplit.Payer;

class CostSplitTest {

    static Stream<Arguments> splits() {
        return Stream.of(
                split("200 yuan per household: everyone pays 200 yuan", PER_HOUSEHOLD, 200_00,
                        payers(flat(101, 90), flat(102, 120), flat(201, 60)),
                        shares(101, 200_00, 102, 200_00, 201, 200_00)),
                split("1000 yuan equally over 3: the odd fen goes to the first label", TOTAL_EQUAL, 1000_00,
                        payers(flat(103, 90), flat(101, 90), flat(102, 90)),
                        shares(101, 333_34, 102, 333_33, 103, 333_33)),
                split("1 yuan equally over 6: 4 leftover fen go to the first 4 labels", TOTAL_EQUAL, 1_00,
                        payers(flat(106, 1), flat(105, 1), flat(104, 1), flat(103, 1), flat(102, 1), flat(101, 1)),
                        shares(101, 17, 102, 17, 103, 17, 104, 17, 105, 16, 106, 16)),
                split("100 yuan by area 300/200/100 m²: the leftover fen goes to the largest remainder",
                        TOTAL_BY_AREA, 100_00,
                        payers(flat(101, 300), flat(102, 200), flat(103, 100)),
                        shares(101, 50_00, 102, 33_33, 103, 16_67)),
                split("5 fen by area 30/20/10 m²: 2.5, 1.67, 0.83 round to 2, 2, 1", TOTAL_BY_AREA, 5,
                        payers(flat(101, 30), flat(102, 20), flat(103, 10)),
                        shares(101, 2, 102, 2, 103, 1)),
                split("1.02 yuan by area 50/50/100 m²: equal remainders, the label decides", TOTAL_BY_AREA, 1_02,
                        payers(flat(202, 50), flat(301, 100), flat(101, 50)),
                        shares(101, 26, 202, 25, 301, 51)),
                split("by area 0.01 m² units split as weights too", TOTAL_BY_AREA, 10,
                        payers(flat(101, 0.01), flat(102, 0.02)),
                        shares(101, 3, 102, 7)),
                split("a unit without area pays nothing by area", TOTAL_BY_AREA, 99_99,
                        payers(flat(101, 0), flat(102, 100)),
                        shares(101, 0, 102, 99_99)),
                split("nothing to split", TOTAL_EQUAL, 0,
                        payers(flat(101, 90), flat(102, 120)),
                        shares(101, 0, 102, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("splits")
    void splitsToTheFenTheSameWayWhateverTheInputOrder(String sentence, ShareMode mode, long amountFen,
                                                      List<Payer> payers, Map<Long, Long> expected) {
        assertThat(CostSplit.split(mode, amountFen, payers)).isEqualTo(expected);

        List<Payer> reversed = new ArrayList<>(payers);
        Collections.reverse(reversed);
        assertThat(CostSplit.split(mode, amountFen, reversed)).isEqualTo(expected);
    }

    @Test
    void randomTotalsAlwaysAddUpAndFollowTheLargestRemaindersWhateverTheOrder() {
        Random random = new Random(20250601L);
        for (int round = 0; round < 500; round++) {
            List<Payer> payers = new ArrayList<>();
            int count = 1 + random.nextInt(40);
            for (int i = 0; i < count; i++) {
                long area = i == 0 ? 1 + random.nextInt(20_000) : random.nextInt(20_001);
                payers.add(new Payer(1000 + i, "U" + random.nextInt(1000) + "-" + i, area));
            }
            long amount = random.nextInt(5_000_001);
            for (ShareMode mode : List.of(TOTAL_EQUAL, TOTAL_BY_AREA)) {
                String context = "round " + round + " " + mode + " " + amount + " fen over " + payers;
                Map<Long, Long> shares = CostSplit.split(mode, amount, payers);

                assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).as(context).isEqualTo(amount);
                assertLargestRemainders(context, mode, amount, payers, shares);

                List<Payer> shuffled = new ArrayList<>(payers);
                Collections.shuffle(shuffled, random);
                assertThat(CostSplit.split(mode, amount, shuffled)).as(context).isEqualTo(shares);
            }
        }
    }

    /** Each share is its exact share rounded down or up, and only the largest remainders are rounded up. */
    private static void assertLargestRemainders(String context, ShareMode mode, long amount, List<Payer> payers,
                                                Map<Long, Long> shares) {
        long weightSum = payers.stream().mapToLong(payer -> weight(mode, payer)).sum();
        BigInteger smallestRoundedUp = null;
        BigInteger largestRoundedDown = null;
        for (Payer payer : payers) {
            BigInteger[] exact = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(weight(mode, payer)))
                    .divideAndRemainder(BigInteger.valueOf(weightSum));
            long extra = shares.get(payer.householdId()) - exact[0].longValueExact();
            assertThat(extra).as(context).isBetween(0L, 1L);
            if (extra == 1) {
                smallestRoundedUp = smallestRoundedUp == null ? exact[1] : smallestRoundedUp.min(exact[1]);
            } else {
                largestRoundedDown = largestRoundedDown == null ? exact[1] : largestRoundedDown.max(exact[1]);
            }
        }
        if (smallestRoundedUp != null && largestRoundedDown != null) {
            assertThat(smallestRoundedUp).as(context).isGreaterThanOrEqualTo(largestRoundedDown);
        }
    }

    private static long weight(ShareMode mode, Payer payer) {
        return mode == TOTAL_BY_AREA ? payer.areaCenti() : 1;
    }

    @Test
    void splittingByAreaWhenNoUnitHasAreaIsRefused() {
        List<Payer> noArea = payers(flat(101, 0), flat(102, 0));

        assertThatThrownBy(() -> CostSplit.split(TOTAL_BY_AREA, 100_00, noArea))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(ShareMode.class)
    void aNegativeAmountIsRefused(ShareMode mode) {
        List<Payer> payers = payers(flat(101, 90), flat(102, 120));

        assertThatThrownBy(() -> CostSplit.split(mode, -1, payers)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Arguments split(String sentence, ShareMode mode, long amountFen, List<Payer> payers,
                                   Map<Long, Long> expected) {
        return Arguments.of(sentence, mode, amountFen, payers, expected);
    }

    /** Unit 1-&lt;number&gt; of the given floor area, household id = number. */
    private static Payer flat(long number, double squareMetres) {
        return new Payer(number, "1-" + number, Math.round(squareMetres * 100));
    }

    private static List<Payer> payers(Payer... payers) {
        return List.of(payers);
    }

    /** Household id, fen, household id, fen, ... */
    private static Map<Long, Long> shares(long... idsAndFen) {
        Map<Long, Long> shares = new HashMap<>();
        for (int i = 0; i < idsAndFen.length; i += 2) {
            shares.put(idsAndFen[i], idsAndFen[i + 1]);
        }
        return shares;
    }
}
