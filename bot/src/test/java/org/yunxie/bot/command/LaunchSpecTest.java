package org.yunxie.bot.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.yunxie.core.costshare.ShareMode;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.rule.RulePreset;

/** What staff ask for after "#发起", read on Thursday 20 November 2025 at 10:00 in Shanghai. */
class LaunchSpecTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = shanghai("2025-11-20T10:00");
    private static final Instant IN_A_WEEK = NOW.plus(Duration.ofDays(7));

    static Stream<Arguments> requests() {
        return Stream.of(
                arguments("a cost share with every clause", "费用 7号楼加装门禁 每户200元 截止7天 规则六成",
                        new LaunchSpec(RoundKind.COST_SHARE, "7号楼加装门禁", IN_A_WEEK, RulePreset.SIXTY_PERCENT_OF_ALL,
                                ShareMode.PER_HOUSEHOLD, 20_000L, null, false)),
                arguments("a cost share with clauses and values apart", "分摊 加装门禁 每户 200.5元 截止 3天 规则 过半",
                        new LaunchSpec(RoundKind.COST_SHARE, "加装门禁", NOW.plus(Duration.ofDays(3)),
                                RulePreset.SIMPLE_MAJORITY, ShareMode.PER_HOUSEHOLD, 20_050L, null, false)),
                arguments("a cost share in total, split by area, by the default rule", "收费 外墙清洗 按面积12000元",
                        new LaunchSpec(RoundKind.COST_SHARE, "外墙清洗", IN_A_WEEK, RulePreset.SIXTY_PERCENT_OF_ALL,
                                ShareMode.TOTAL_BY_AREA, 1_200_000L, null, false)),
                arguments("a cost share in total, split equally", "费用 更换水泵 合计6000",
                        new LaunchSpec(RoundKind.COST_SHARE, "更换水泵", IN_A_WEEK, RulePreset.SIXTY_PERCENT_OF_ALL,
                                ShareMode.TOTAL_EQUAL, 600_000L, null, false)),
                arguments("a poll with nothing but a title takes the defaults", "表决 楼道加装扶手",
                        new LaunchSpec(RoundKind.POLL, "楼道加装扶手", IN_A_WEEK, RulePreset.SIMPLE_MAJORITY, null,
                                null, null, false)),
                arguments("a poll whose title has spaces", "投票 楼道 加装 扶手",
                        new LaunchSpec(RoundKind.POLL, "楼道 加装 扶手", IN_A_WEEK, RulePreset.SIMPLE_MAJORITY, null,
                                null, null, false)),
                arguments("a proposal call with its support threshold", "征集 改造建议 附议3",
                        new LaunchSpec(RoundKind.PROPOSAL_CALL, "改造建议", IN_A_WEEK, RulePreset.SIMPLE_MAJORITY,
                                null, null, 3, false)),
                arguments("a proposal call with the default threshold", "提案 小区停车",
                        new LaunchSpec(RoundKind.PROPOSAL_CALL, "小区停车", IN_A_WEEK, RulePreset.SIMPLE_MAJORITY,
                                null, null, LaunchSpec.DEFAULT_SUPPORT_THRESHOLD, false)),
                arguments("a secret poll", "表决 选举监事 不记名",
                        new LaunchSpec(RoundKind.POLL, "选举监事", IN_A_WEEK, RulePreset.SIMPLE_MAJORITY, null, null,
                                null, true)),
                arguments("the Civil Code's major-matter rule, after a space", "表决 加装电梯 规则 民法典重大",
                        new LaunchSpec(RoundKind.POLL, "加装电梯", IN_A_WEEK, RulePreset.CIVIL_CODE_MAJOR, null, null,
                                null, false)),
                arguments("the Civil Code's ordinary rule", "表决 更换物业 规则民法典",
                        new LaunchSpec(RoundKind.POLL, "更换物业", IN_A_WEEK, RulePreset.CIVIL_CODE_ORDINARY, null,
                                null, null, false)),
                arguments("sixty percent, full width", "表决 外墙翻新 规则６０％",
                        new LaunchSpec(RoundKind.POLL, "外墙翻新", IN_A_WEEK, RulePreset.SIXTY_PERCENT_OF_ALL, null,
                                null, null, false)),
                arguments("a deadline on a date", "表决 楼道加装扶手 截止12月5日",
                        new LaunchSpec(RoundKind.POLL, "楼道加装扶手", shanghai("2025-12-05T20:00"),
                                RulePreset.SIMPLE_MAJORITY, null, null, null, false)),
                arguments("a deadline on a date at a time", "表决 楼道加装扶手 截止12月5日 18:00",
                        new LaunchSpec(RoundKind.POLL, "楼道加装扶手", shanghai("2025-12-05T18:00"),
                                RulePreset.SIMPLE_MAJORITY, null, null, null, false)),
                arguments("a deadline on a date at a time, after a space", "表决 楼道加装扶手 截止 12月5日 18:00 规则过半",
                        new LaunchSpec(RoundKind.POLL, "楼道加装扶手", shanghai("2025-12-05T18:00"),
                                RulePreset.SIMPLE_MAJORITY, null, null, null, false)),
                arguments("a title that starts like a clause", "表决 每户加装信报箱",
                        new LaunchSpec(RoundKind.POLL, "每户加装信报箱", IN_A_WEEK, RulePreset.SIMPLE_MAJORITY, null,
                                null, null, false)),
                arguments("a title that starts like the rule clause", "表决 规则修改方案",
                        new LaunchSpec(RoundKind.POLL, "规则修改方案", IN_A_WEEK, RulePreset.SIMPLE_MAJORITY, null,
                                null, null, false)));
    }

    @ParameterizedTest(name = "{0}: \"{1}\"")
    @MethodSource("requests")
    void readsWhatStaffAskFor(String description, String typed, LaunchSpec expected) {
        assertThat(LaunchSpec.read(typed, NOW, SHANGHAI)).contains(expected);
    }

    @ParameterizedTest(name = "not a complete request: \"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"费用 无金额", "费用 门禁 每户很多", "开会 讨论停车", "楼道加装扶手", "表决", "表决 截止7天",
            "表决 扶手 截止明年", "表决 扶手 规则随便", "费用 每户200元"})
    void readsAnIncompleteRequestAsNothing(String typed) {
        assertThat(LaunchSpec.read(typed, NOW, SHANGHAI)).isEmpty();
    }

    @Test
    void keepsTheTitleAsTyped() {
        assertThat(LaunchSpec.read("表决 8号楼楼道加装扶手，您是否同意？", NOW, SHANGHAI))
                .hasValueSatisfying(spec -> assertThat(spec.title()).isEqualTo("8号楼楼道加装扶手，您是否同意？"));
    }

    private static Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }
}
