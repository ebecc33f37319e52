package org.yunxie.core.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.yunxie.core.rule.RulePreset.CIVIL_CODE_MAJOR;
import static org.yunxie.core.rule.RulePreset.CIVIL_CODE_ORDINARY;
import static org.yunxie.core.rule.RulePreset.SIMPLE_MAJORITY;
import static org.yunxie.core.rule.RulePreset.SIXTY_PERCENT_OF_ALL;
import static org.yunxie.core.rule.Verdict.NOT_APPROVED;
import static org.yunxie.core.rule.Verdict.NO_PARTICIPATION;
import static org.yunxie.core.rule.Verdict.NO_QUORUM;
import static org.yunxie.core.rule.Verdict.PASSED;
import static org.yunxie.core.rule.Verdict.TIE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DecisionRuleTest {

    private static final int YES = 1, NO = 2, ABSTAIN = 3;
    private static final List<OptionSpec> YES_NO_ABSTAIN = List.of(
            new OptionSpec(YES, "同意", OptionMeaning.APPROVE),
            new OptionSpec(NO, "反对", OptionMeaning.REJECT),
            new OptionSpec(ABSTAIN, "弃权", OptionMeaning.ABSTAIN));

    private static final int A = 1, B = 2, C = 3, NONE = 4;
    private static final List<OptionSpec> THREE_PLANS_OR_NONE = List.of(
            new OptionSpec(A, "方案一", OptionMeaning.CHOICE),
            new OptionSpec(B, "方案二", OptionMeaning.CHOICE),
            new OptionSpec(C, "方案三", OptionMeaning.CHOICE),
            new OptionSpec(NONE, "都不要", OptionMeaning.REJECT));

    /** A third of the participating households is enough. */
    private static final DecisionRule A_THIRD_OF_VOTERS = new DecisionRule(RulePreset.CUSTOM,
            HeadCounting.HOUSEHOLDS, Base.PARTICIPANTS, null, null, Threshold.atLeast(1, 3), null);
    /** More than half of the participating households, used for multi-choice rounds. */
    private static final DecisionRule MAJORITY_OF_VOTERS = new DecisionRule(RulePreset.CUSTOM,
            HeadCounting.HOUSEHOLDS, Base.PARTICIPANTS, null, null, Threshold.moreThan(1, 2), null);
    /** No threshold at all: whatever somebody chose may be adopted. */
    private static final DecisionRule NO_THRESHOLDS = new DecisionRule(RulePreset.CUSTOM,
            HeadCounting.HOUSEHOLDS, Base.PARTICIPANTS, null, null, null, null);
    /** A zero share of all eligible households, which every option meets on paper. */
    private static final DecisionRule ZERO_OF_ALL = new DecisionRule(RulePreset.CUSTOM,
            HeadCounting.HOUSEHOLDS, Base.ELIGIBLE, null, null, Threshold.atLeast(0, 1), null);
    /** A third of the participating households holding a fifth of their area. */
    private static final DecisionRule A_THIRD_OF_VOTERS_WITH_A_FIFTH_OF_THE_AREA = new DecisionRule(RulePreset.CUSTOM,
            HeadCounting.HOUSEHOLDS, Base.PARTICIPANTS, null, null, Threshold.atLeast(1, 3), Threshold.atLeast(1, 5));
    /** A third of the participating households, once half the area has taken part. */
    private static final DecisionRule A_THIRD_OF_VOTERS_ONCE_HALF_THE_AREA_VOTES = new DecisionRule(RulePreset.CUSTOM,
            HeadCounting.HOUSEHOLDS, Base.PARTICIPANTS, null, Threshold.atLeast(1, 2), Threshold.atLeast(1, 3), null);
    /** A quarter of the participating owners, by head. */
    private static final DecisionRule A_QUARTER_OF_VOTING_OWNERS = new DecisionRule(RulePreset.CUSTOM,
            HeadCounting.OWNERS, Base.PARTICIPANTS, null, null, Threshold.atLeast(1, 4), null);

    static Stream<Row> simpleMajority() {
        return Stream.of(
                row("3 of 5 approve", SIMPLE_MAJORITY).households(5, 100).yes(1, 2, 3).no(4, 5).expect(PASSED, YES),
                row("2 approve, 2 reject: a tie is no majority", SIMPLE_MAJORITY)
                        .households(4, 100).yes(1, 2).no(3, 4).expect(NOT_APPROVED),
                row("2 approve, 1 rejects, 2 abstain: abstainers are in the base", SIMPLE_MAJORITY)
                        .households(5, 100).yes(1, 2).no(3).abstain(4, 5).expect(NOT_APPROVED),
                row("3 approve, 1 rejects, 1 abstains", SIMPLE_MAJORITY)
                        .households(5, 100).yes(1, 2, 3).no(4).abstain(5).expect(PASSED, YES),
                row("a majority abstaining adopts nothing", SIMPLE_MAJORITY)
                        .households(4, 100).yes(1).abstain(2, 3, 4).expect(NOT_APPROVED),
                row("2 approve, 1 rejects and 7 stay away", SIMPLE_MAJORITY)
                        .households(10, 100).yes(1, 2).no(3).expect(PASSED, YES),
                row("two small flats outvote a large one: area plays no part", SIMPLE_MAJORITY)
                        .unit(1, 30).unit(2, 30).unit(3, 300).yes(1, 2).no(3).expect(PASSED, YES),
                row("two units of one owner count as two households", SIMPLE_MAJORITY)
                        .unit(1, 100, "Wang").unit(2, 100, "Wang").unit(3, 100).yes(1, 2).no(3).expect(PASSED, YES),
                row("nobody votes", SIMPLE_MAJORITY).households(3, 100).expect(NO_PARTICIPATION),
                row("an empty ballot and a vote from off the roll are no participation", SIMPLE_MAJORITY)
                        .households(3, 100).blank(1).yes(99).expect(NO_PARTICIPATION));
    }

    static Stream<Row> sixtyPercentOfAll() {
        return Stream.of(
                row("exactly 3 of 5 eligible approve, 2 stay away", SIXTY_PERCENT_OF_ALL)
                        .households(5, 100).yes(1, 2, 3).expect(PASSED, YES),
                row("2 of 5 eligible approve and nobody rejects", SIXTY_PERCENT_OF_ALL)
                        .households(5, 100).yes(1, 2).expect(NOT_APPROVED),
                row("5 of 9 eligible approve: just under 3/5", SIXTY_PERCENT_OF_ALL)
                        .households(9, 100).yes(ids(1, 5)).no(6, 7, 8, 9).expect(NOT_APPROVED),
                row("6 of 10 approve, 4 reject", SIXTY_PERCENT_OF_ALL)
                        .households(10, 100).yes(ids(1, 6)).no(ids(7, 10)).expect(PASSED, YES),
                row("3 units of one owner count as 3 of 5 households", SIXTY_PERCENT_OF_ALL)
                        .unit(1, 100, "Wang").unit(2, 100, "Wang").unit(3, 100, "Wang").unit(4, 100).unit(5, 100)
                        .yes(1, 2, 3).no(4, 5).expect(PASSED, YES),
                row("nobody votes", SIXTY_PERCENT_OF_ALL).households(5, 100).expect(NO_PARTICIPATION));
    }

    static Stream<Row> civilCodeOrdinary() {
        return Stream.of(
                row("turnout exactly 2/3 of heads and area, 3 of 4 approve", CIVIL_CODE_ORDINARY)
                        .households(6, 100).yes(1, 2, 3).no(4).expect(PASSED, YES),
                row("turnout 3 of 6 heads", CIVIL_CODE_ORDINARY).households(6, 100).yes(1, 2, 3).expect(NO_QUORUM),
                row("turnout 2/3 of heads but area just short of 2/3", CIVIL_CODE_ORDINARY)
                        .households(4, 100).unit(5, 100.01).unit(6, 100.01).yes(1, 2, 3, 4).expect(NO_QUORUM),
                row("turnout exactly 2/3 of area but only half the heads", CIVIL_CODE_ORDINARY)
                        .unit(1, 200).unit(2, 200).unit(3, 200).unit(4, 100).unit(5, 100).unit(6, 100)
                        .yes(1, 2, 3).expect(NO_QUORUM),
                row("2 of 4 voting heads approve: half is not more than half", CIVIL_CODE_ORDINARY)
                        .households(6, 100).yes(1, 2).no(3, 4).expect(NOT_APPROVED),
                row("2 approve, 2 abstain: abstainers make the quorum but do not approve", CIVIL_CODE_ORDINARY)
                        .households(6, 100).yes(1, 2).abstain(3, 4).expect(NOT_APPROVED),
                row("4 of 6 heads approve but only 2/5 of the area", CIVIL_CODE_ORDINARY)
                        .households(4, 50).unit(5, 150).unit(6, 150).yes(1, 2, 3, 4).no(5, 6).expect(NOT_APPROVED),
                row("3/5 of the area approves but only 2 of 6 heads", CIVIL_CODE_ORDINARY)
                        .households(4, 50).unit(5, 150).unit(6, 150).yes(5, 6).no(1, 2, 3, 4).expect(NOT_APPROVED),
                row("2 of 3 heads approve with 0.01 m² over half the area", CIVIL_CODE_ORDINARY)
                        .unit(1, 100.01).unit(2, 50).unit(3, 150).yes(1, 2).no(3).expect(PASSED, YES),
                row("2 of 3 heads approve with exactly half the area", CIVIL_CODE_ORDINARY)
                        .unit(1, 100).unit(2, 50).unit(3, 150).yes(1, 2).no(3).expect(NOT_APPROVED),
                row("nobody votes", CIVIL_CODE_ORDINARY).households(6, 100).expect(NO_PARTICIPATION));
    }

    static Stream<Row> civilCodeMajor() {
        return Stream.of(
                row("exactly 3 of 4 voting heads and area approve", CIVIL_CODE_MAJOR)
                        .households(6, 100).yes(1, 2, 3).no(4).expect(PASSED, YES),
                row("6 of 8 voters approve, 8 of 12 vote", CIVIL_CODE_MAJOR)
                        .households(12, 100).yes(ids(1, 6)).no(7, 8).expect(PASSED, YES),
                row("5 of 8 voters approve: enough for ordinary, not for major", CIVIL_CODE_MAJOR)
                        .households(12, 100).yes(ids(1, 5)).no(6, 7, 8).expect(NOT_APPROVED),
                row("3 of 4 heads approve, but the rejecting flat is 1 m² larger", CIVIL_CODE_MAJOR)
                        .households(3, 100).unit(4, 101).yes(1, 2, 3).no(4).expect(NOT_APPROVED),
                row("exactly 3/4 of the area approves, but only 2 of 4 heads", CIVIL_CODE_MAJOR)
                        .unit(1, 300).unit(2, 300).unit(3, 100).unit(4, 100).yes(1, 2).no(3, 4).expect(NOT_APPROVED),
                row("all 3 voters approve but only 3 of 6 vote", CIVIL_CODE_MAJOR)
                        .households(6, 100).yes(1, 2, 3).expect(NO_QUORUM));
    }

    static Stream<Row> ownersOfSeveralUnits() {
        return Stream.of(
                row("Wang's 3 approving units are one head against one rejecting head", CIVIL_CODE_ORDINARY)
                        .unit(1, 100, "Wang").unit(2, 100, "Wang").unit(3, 100, "Wang").unit(4, 100).unit(5, 100)
                        .yes(1, 2, 3).no(4).expect(NOT_APPROVED),
                row("the same votes by household: 3 of 4 approve", SIMPLE_MAJORITY)
                        .unit(1, 100, "Wang").unit(2, 100, "Wang").unit(3, 100, "Wang").unit(4, 100).unit(5, 100)
                        .yes(1, 2, 3).no(4).expect(PASSED, YES),
                row("Li's units disagree, so Li supports nothing by head", CIVIL_CODE_ORDINARY)
                        .unit(1, 100, "Li").unit(2, 100, "Li").unit(3, 100).unit(4, 100).unit(5, 100)
                        .yes(1, 3, 4).no(2, 5).expect(NOT_APPROVED),
                row("Li's units agree, so Li is one approving head", CIVIL_CODE_ORDINARY)
                        .unit(1, 100, "Li").unit(2, 100, "Li").unit(3, 100).unit(4, 100).unit(5, 100)
                        .yes(1, 2, 3, 4).no(5).expect(PASSED, YES),
                row("Zhao takes part through one unit: 3 of 4 heads vote", CIVIL_CODE_ORDINARY)
                        .unit(1, 100, "Zhao").unit(2, 1, "Zhao").unit(3, 100).unit(4, 100).unit(5, 100)
                        .yes(1, 3, 4).expect(PASSED, YES),
                row("Zhao's silent unit does not spoil Zhao's approval", CIVIL_CODE_ORDINARY)
                        .unit(1, 100, "Zhao").unit(2, 1, "Zhao").unit(3, 100).unit(4, 100)
                        .yes(1, 3).no(4).expect(PASSED, YES));
    }

    static Stream<Row> severalOptions() {
        return Stream.of(
                row("plan A 3, B 2, C 2: only A reaches a third", A_THIRD_OF_VOTERS).options(THREE_PLANS_OR_NONE)
                        .households(7, 100).choose(A, 1, 2, 3).choose(B, 4, 5).choose(C, 6, 7).expect(PASSED, A),
                row("plans A and B 3 each: a single-choice tie", A_THIRD_OF_VOTERS).options(THREE_PLANS_OR_NONE)
                        .households(7, 100).choose(A, 1, 2, 3).choose(B, 4, 5, 6).choose(C, 7).expect(TIE),
                row("2 each for A, B, C and 3 for none: nothing reaches a third", A_THIRD_OF_VOTERS)
                        .options(THREE_PLANS_OR_NONE).households(9, 100)
                        .choose(A, 1, 2).choose(B, 3, 4).choose(C, 5, 6).choose(NONE, 7, 8, 9).expect(NOT_APPROVED),
                row("multi-choice: B by 4, A by 3, C by 2 of 4: B then A", MAJORITY_OF_VOTERS)
                        .options(THREE_PLANS_OR_NONE).maxChoices(3).households(4, 100)
                        .choose(A, 1, 2, 3).choose(B, 1, 2, 3, 4).choose(C, 1, 2).expect(PASSED, B, A),
                row("multi-choice: A and B by 3 of 4 each: both adopted", MAJORITY_OF_VOTERS)
                        .options(THREE_PLANS_OR_NONE).maxChoices(3).households(4, 100)
                        .choose(A, 1, 2, 3).choose(B, 2, 3, 4).choose(C, 1).expectInAnyOrder(PASSED, A, B),
                row("multi-choice: no plan chosen by more than half", MAJORITY_OF_VOTERS)
                        .options(THREE_PLANS_OR_NONE).maxChoices(3).households(4, 100)
                        .choose(A, 1, 2).choose(B, 3).choose(NONE, 4).expect(NOT_APPROVED));
    }

    static Stream<Row> optionsNobodyChose() {
        return Stream.of(
                row("everyone rejects under a rule without thresholds: approval nobody chose is not adopted",
                        NO_THRESHOLDS).households(3, 100).no(1, 2, 3).expect(NOT_APPROVED),
                row("everyone abstains under a zero threshold: nothing adopted", ZERO_OF_ALL)
                        .households(4, 100).abstain(1, 2, 3, 4).expect(NOT_APPROVED),
                row("all choose none of the plans without thresholds: no plan, and no tie of empty plans",
                        NO_THRESHOLDS).options(THREE_PLANS_OR_NONE).households(3, 100)
                        .choose(NONE, 1, 2, 3).expect(NOT_APPROVED),
                row("multi-choice without thresholds: A by 2 and C by 1 are adopted, unchosen B is not",
                        NO_THRESHOLDS).options(THREE_PLANS_OR_NONE).maxChoices(3).households(3, 100)
                        .choose(A, 1, 2).choose(C, 3).expect(PASSED, A, C),
                row("multi-choice under a zero threshold: only the chosen plan", ZERO_OF_ALL)
                        .options(THREE_PLANS_OR_NONE).maxChoices(3).households(4, 100)
                        .choose(B, 1).choose(NONE, 2, 3).expect(PASSED, B));
    }

    static Stream<Row> supportTies() {
        return Stream.of(
                row("A and B by 2 households each, B's flats larger; the rule weighs no area: a tie", A_THIRD_OF_VOTERS)
                        .options(THREE_PLANS_OR_NONE).unit(1, 50).unit(2, 50).unit(3, 150).unit(4, 150)
                        .choose(A, 1, 2).choose(B, 3, 4).expect(TIE),
                row("the same votes with an approval area threshold: B's larger area decides",
                        A_THIRD_OF_VOTERS_WITH_A_FIFTH_OF_THE_AREA)
                        .options(THREE_PLANS_OR_NONE).unit(1, 50).unit(2, 50).unit(3, 150).unit(4, 150)
                        .choose(A, 1, 2).choose(B, 3, 4).expect(PASSED, B),
                row("the same votes with only a participation area threshold: area decides too",
                        A_THIRD_OF_VOTERS_ONCE_HALF_THE_AREA_VOTES)
                        .options(THREE_PLANS_OR_NONE).unit(1, 50).unit(2, 50).unit(3, 150).unit(4, 150)
                        .choose(A, 1, 2).choose(B, 3, 4).expect(PASSED, B),
                row("3 households with 150 m² beat 2 with 300 m²: people come before area",
                        A_THIRD_OF_VOTERS_WITH_A_FIFTH_OF_THE_AREA).options(THREE_PLANS_OR_NONE)
                        .unit(1, 50).unit(2, 50).unit(3, 50).unit(4, 150).unit(5, 150)
                        .choose(A, 1, 2, 3).choose(B, 4, 5).expect(PASSED, A),
                row("equal people and equal area with an area threshold: still a tie",
                        A_THIRD_OF_VOTERS_WITH_A_FIFTH_OF_THE_AREA).options(THREE_PLANS_OR_NONE)
                        .households(4, 100).choose(A, 1, 2).choose(B, 3, 4).expect(TIE),
                row("A and B by 2 households each, but A's are one owner's: by head B leads",
                        A_QUARTER_OF_VOTING_OWNERS).options(THREE_PLANS_OR_NONE)
                        .unit(1, 100, "Wang").unit(2, 100, "Wang").unit(3, 100).unit(4, 100).unit(5, 100)
                        .choose(A, 1, 2).choose(B, 3, 4).choose(C, 5).expect(PASSED, B));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("simpleMajority")
    void simpleMajorityNeedsMoreThanHalfOfParticipatingHouseholds(Row row) {
        row.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sixtyPercentOfAll")
    void sixtyPercentOfAllNeedsThreeFifthsOfEveryEligibleHousehold(Row row) {
        row.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("civilCodeOrdinary")
    void civilCodeOrdinaryNeedsTwoThirdsTurnoutAndMoreThanHalfOfParticipatingAreaAndHeads(Row row) {
        row.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("civilCodeMajor")
    void civilCodeMajorNeedsThreeQuartersOfParticipatingAreaAndHeads(Row row) {
        row.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ownersOfSeveralUnits")
    void anOwnerOfSeveralUnitsCountsOnceByHead(Row row) {
        row.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("severalOptions")
    void singleChoiceAdoptsTheClearLeaderAndMultiChoiceEveryOptionMeetingTheThresholds(Row row) {
        row.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("optionsNobodyChose")
    void anOptionNobodyChoseIsNeverAdoptedWhateverTheThresholds(Row row) {
        row.check();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("supportTies")
    void equalLeadersAreComparedByPeopleThenByAreaOnlyWhereTheRuleWeighsArea(Row row) {
        row.check();
    }

    private static Row row(String sentence, RulePreset preset) {
        return new Row(sentence, DecisionRule.of(preset));
    }

    private static Row row(String sentence, DecisionRule rule) {
        return new Row(sentence, rule);
    }

    private static long[] ids(long from, long to) {
        return LongStream.rangeClosed(from, to).toArray();
    }

    /** One row of the table, built to read as a sentence: rule, roll, votes, expected outcome. */
    static final class Row {
        private final String sentence;
        private final DecisionRule rule;
        private final List<RollEntry> roll = new ArrayList<>();
        private final Map<Long, Set<Integer>> choices = new LinkedHashMap<>();
        private List<OptionSpec> options = YES_NO_ABSTAIN;
        private int maxChoices = 1;
        private Verdict verdict;
        private List<Integer> adopted;
        private boolean anyOrder;

        Row(String sentence, DecisionRule rule) {
            this.sentence = sentence;
            this.rule = rule;
        }

        /** Households numbered on from the last, each of the given area and its own owner. */
        Row households(int count, double squareMetres) {
            for (int i = 0; i < count; i++) {
                unit(roll.size() + 1, squareMetres);
            }
            return this;
        }

        Row unit(long id, double squareMetres) {
            return unit(id, squareMetres, "H" + id);
        }

        Row unit(long id, double squareMetres, String owner) {
            roll.add(new RollEntry(id, owner, Math.round(squareMetres * 100)));
            return this;
        }

        Row options(List<OptionSpec> options) {
            this.options = options;
            return this;
        }

        Row maxChoices(int maxChoices) {
            this.maxChoices = maxChoices;
            return this;
        }

        Row choose(int option, long... households) {
            for (long household : households) {
                choices.computeIfAbsent(household, h -> new HashSet<>()).add(option);
            }
            return this;
        }

        Row yes(long... households) {
            return choose(YES, households);
        }

        Row no(long... households) {
            return choose(NO, households);
        }

        Row abstain(long... households) {
            return choose(ABSTAIN, households);
        }

        Row blank(long household) {
            choices.put(household, new HashSet<>());
            return this;
        }

        Row expect(Verdict verdict, Integer... adopted) {
            this.verdict = verdict;
            this.adopted = List.of(adopted);
            return this;
        }

        Row expectInAnyOrder(Verdict verdict, Integer... adopted) {
            anyOrder = true;
            return expect(verdict, adopted);
        }

        void check() {
            List<Stance> stances = choices.entrySet().stream()
                    .map(entry -> new Stance(entry.getKey(), entry.getValue())).toList();
            Decision decision = rule.decide(Tally.of(roll, stances), options, maxChoices);

            assertThat(decision.verdict()).as("verdict of %s", decision.tally()).isEqualTo(verdict);
            if (anyOrder) {
                assertThat(decision.adopted()).containsExactlyInAnyOrderElementsOf(adopted);
            } else {
                assertThat(decision.adopted()).containsExactlyElementsOf(adopted);
            }
        }

        @Override
        public String toString() {
            return rule.preset() + ": " + sentence + " → " + verdict + (adopted.isEmpty() ? "" : " " + adopted);
        }
    }
}
