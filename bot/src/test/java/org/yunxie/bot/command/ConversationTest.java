package org.yunxie.bot.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.yunxie.bot.text.Wording;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.costshare.ShareMode;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.proposal.Proposal;
import org.yunxie.core.proposal.Proposals;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.roster.BindingMember;
import org.yunxie.core.roster.Building;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.roster.IssuingBindingCode;
import org.yunxie.core.roster.KeepingRoster;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.DraftingRound;
import org.yunxie.core.round.OpeningRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.RoundState;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.staff.StaffDirectory;
import org.yunxie.core.staff.StaffRole;

/**
 * What residents and staff type in a group, through {@link Conversation} to what core stores. Runs on the
 * database and Redis the environment names (YUNXIE_DB_URL, YUNXIE_REDIS_URL, as in CI), else on an in-memory
 * H2 and an embedded Redis; every test builds its own community, so rows of other tests never matter. The
 * clock is the test's, so deadlines and the hourly limit of binding attempts can be passed on purpose.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=${yunxie.db.url:jdbc:h2:mem:bot-conversation;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1}",
        "spring.quartz.auto-startup=false",
        "yunxie.demo.enabled=false",
        // The sandbox plays WeCom over HTTP; these tests talk to the conversation directly.
        "yunxie.sandbox.enabled=false",
        "yunxie.locale=zh-CN",
        "yunxie.time-zone=Asia/Shanghai",
        "yunxie.ballot.seal-key=dGVzdC1vbmx5LWJhbGxvdC1zZWFsLWtleS0zMi1ieXRlcw=="})
class ConversationTest {

    private static final Actor STAFF = Actor.staff("s1", "社工 李娟");
    private static final Pattern RECEIPT = Pattern.compile("回执 ([23456789A-HJ-NP-Z]{4})");
    private static final String NOT_BOUND =
            "您还没有绑定房屋。请向社区工作人员领取绑定码，然后发送「#绑定 绑定码」，例如「#绑定 12345678」。";
    private static final String FAILED = "抱歉，系统暂时出了问题，这次没有记录任何内容。请稍后再发一次。";
    private static final String HELP_TITLE = "可以这样回复（# 可以不打）：";

    @Autowired
    Conversation conversation;
    @Autowired
    KeepingRoster keeping;
    @Autowired
    Roster roster;
    @Autowired
    ChatGroups groups;
    @Autowired
    IssuingBindingCode issuing;
    @Autowired
    BindingMember binding;
    @Autowired
    DraftingRound drafting;
    @Autowired
    OpeningRound opening;
    @Autowired
    ClosingRound closing;
    @Autowired
    Rounds rounds;
    @Autowired
    Ballots ballots;
    @Autowired
    Proposals proposals;
    @Autowired
    StaffDirectory staffDirectory;
    @Autowired
    Wording wording;
    @Autowired
    MovableClock clock;

    /** The application's clock, moved by the tests; it starts at the real time and only moves forward. */
    @TestConfiguration
    static class Clocks {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    // ---- binding

    @Test
    void anUnboundSenderGetsTheBindingInstructionsAndNothingIsStored() {
        Place place = place("80.00", "90.50");
        Round poll = poll(place, "楼道加装扶手");
        ChatIdentity stranger = newIdentity();

        assertThat(say(stranger, place, "#同意")).isEqualTo(NOT_BOUND);
        assertThat(say(stranger, place, "#" + poll.number() + " 同意")).isEqualTo(NOT_BOUND);
        assertThat(say(stranger, place, "#我的")).isEqualTo(NOT_BOUND);
        assertThat(say(stranger, place, "#提议 楼道装声控灯")).isEqualTo(NOT_BOUND);

        assertThat(roster.member(stranger)).isEmpty();
        assertThat(ballots.respondedHouseholds(poll.id())).isEmpty();
    }

    @Test
    void anUnboundSenderAskingForHelpIsToldToBindFirst() {
        Place place = place("80.00");

        assertThat(say(newIdentity(), place, "#帮助")).startsWith(HELP_TITLE)
                .contains("第一次使用请先绑定房屋：#绑定 绑定码（向社区工作人员领取）");
    }

    @Test
    void theStaffIssuedCodeBindsTheSenderToItsHousehold() {
        Place place = place("80.00", "90.50");
        ChatIdentity newcomer = newIdentity();
        String code = code(place.household(1), MemberRole.TENANT);

        assertThat(say(newcomer, place, "#绑定 " + code))
                .isEqualTo("绑定成功：您已绑定 7-1-102（租户）。现在可以回复如「#同意」参与协商了。");

        long member = roster.member(newcomer).orElseThrow().id();
        assertThat(roster.bindings(member)).singleElement().satisfies(bound -> {
            assertThat(bound.unitLabel()).isEqualTo("7-1-102");
            assertThat(bound.role()).isEqualTo(MemberRole.TENANT);
        });
    }

    @Test
    void aCodeTypedInFullWidthWithSpacesStillBinds() {
        Place place = place("80.00");
        ChatIdentity newcomer = newIdentity();
        String code = code(place.household(0), MemberRole.OWNER);

        String typed = "＃绑定　" + fullWidth(code.substring(0, 4)) + " " + fullWidth(code.substring(4));

        assertThat(say(newcomer, place, typed)).startsWith("绑定成功：您已绑定 7-1-101（业主）");
        assertThat(roster.member(newcomer)).isPresent();
    }

    @Test
    void aWrongCodeIsRefusedAndBindsNothing() {
        Place place = place("80.00");
        ChatIdentity guesser = newIdentity();

        assertThat(say(guesser, place, "#绑定 00000000")).isEqualTo("绑定码不对。请核对后重发，或向社区工作人员重新领取。");
        assertThat(say(guesser, place, "#绑定")).isEqualTo("#绑定 绑定码：绑定您的房屋，例如「#绑定 12345678」");

        assertThat(roster.member(guesser)).isEmpty();
    }

    @Test
    void afterFiveWrongCodesWithinAnHourEvenTheRightCodeIsRefusedUntilTheHourIsOver() {
        Place place = place("80.00");
        ChatIdentity guesser = newIdentity();
        String code = code(place.household(0), MemberRole.OWNER);

        for (int attempt = 0; attempt < GuardedBinding.ATTEMPTS_PER_HOUR; attempt++) {
            assertThat(say(guesser, place, "#绑定 0000000" + attempt)).startsWith("绑定码不对");
        }
        assertThat(say(guesser, place, "#绑定 " + code))
                .isEqualTo("绑定码输错次数过多，请一小时后再试，或联系社区工作人员。");
        assertThat(roster.member(guesser)).isEmpty();

        clock.advance(Duration.ofMinutes(61));

        assertThat(say(guesser, place, "#绑定 " + code)).startsWith("绑定成功");
        assertThat(roster.member(guesser)).isPresent();
    }

    // ---- polls

    @Test
    void aVoteInTheOnlyOpenPollIsReadBackWithUnitRoundChoiceAndReceipt() {
        Place place = place("80.00", "90.50", "100.25");
        Round poll = poll(place, "楼道加装扶手");
        Resident resident = resident(place, 0);

        String reply = say(resident, "#同意");

        assertThat(reply).matches("已记录：7-1-101 在 #" + poll.number() + " 选择「同意」，回执 [23456789A-HJ-NP-Z]{4}");
        assertThat(ballots.ownChoice(poll, resident.household().id())).contains("A");
        assertThat(ballots.receipt(poll.id(), resident.household().id())).contains(receiptIn(reply));
        assertThat(ballots.respondedHouseholds(poll.id())).containsExactly(resident.household().id());
    }

    static Stream<String> forgivingVotes() {
        return Stream.of("#{n} 同意", "＃{N}　同意", "#{n}同意", "{n} 赞成", "#{n} 支持", "#{n} +1", "#{n} A", "#{n} a",
                "#{n} 1", "@云协商 #{n} 同意", "#{n} 同意 @云协商", "#{n} 我同意了", "#{n} 同意，谢谢", "#同意", "同意", "+1",
                "赞成", "#好的");
    }

    @ParameterizedTest(name = "\"{0}\" records 同意")
    @MethodSource("forgivingVotes")
    void readsTheManyWaysResidentsSayYes(String typed) {
        Place place = place("80.00", "90.50");
        Round poll = poll(place, "楼道加装扶手");
        Resident resident = resident(place, 0);

        String reply = say(resident, typed.replace("{n}", String.valueOf(poll.number()))
                .replace("{N}", fullWidth(String.valueOf(poll.number()))));

        assertThat(reply).startsWith("已记录：7-1-101 在 #" + poll.number() + " 选择「同意」");
        assertThat(ballots.ownChoice(poll, resident.household().id())).contains("A");
    }

    @Test
    void aChangeOfMindIsReadBackAsChangedAndTheHouseholdKeepsOneBallot() {
        Place place = place("80.00", "90.50");
        Round poll = poll(place, "楼道加装扶手");
        Resident resident = resident(place, 0);
        String first = say(resident, "#" + poll.number() + " 同意");

        String second = say(resident, "#" + poll.number() + " 反对");

        assertThat(second).matches("已改为：7-1-101 在 #" + poll.number() + " 选择「反对」，回执 [23456789A-HJ-NP-Z]{4}");
        assertThat(receiptIn(second)).isEqualTo(receiptIn(first));
        assertThat(ballots.ownChoice(poll, resident.household().id())).contains("B");
        assertThat(ballots.respondedHouseholds(poll.id())).hasSize(1);
    }

    @Test
    void withTwoOpenPollsAVoteWithoutANumberIsAskedForTheNumber() {
        Place place = place("80.00", "90.50");
        Round first = poll(place, "楼道加装扶手");
        Round second = poll(place, "外墙清洗");
        Resident resident = resident(place, 0);

        assertThat(say(resident, "#同意")).isEqualTo("现在有几项协商在进行（编号 " + first.number() + "、" + second.number()
                + "），请在消息里带上编号，例如「#" + first.number() + " 同意」或「#结果 " + first.number() + "」。");

        assertThat(ballots.respondedHouseholds(first.id())).isEmpty();
        assertThat(ballots.respondedHouseholds(second.id())).isEmpty();
    }

    @ParameterizedTest(name = "\"#N {0}\" is asked back")
    @ValueSource(strings = {"我不太同意", "同意 反对", "再看看", "D", "4", "同意吗"})
    void anUnclearChoiceIsAskedBackAndNothingIsStored(String typed) {
        Place place = place("80.00", "90.50");
        Round poll = poll(place, "楼道加装扶手");
        Resident resident = resident(place, 0);
        int n = poll.number();

        assertThat(say(resident, "#" + n + " " + typed)).isEqualTo("没看明白您的选择。#" + n
                + " 的选项：A 同意、B 反对、C 弃权。请回复如「#" + n + " 同意」，或回复选项字母。");

        assertThat(ballots.respondedHouseholds(poll.id())).isEmpty();
    }

    @Test
    void twoOptionsInASingleChoicePollAreRefusedWithTheLimit() {
        Place place = place("80.00");
        Round poll = poll(place, "楼道加装扶手");
        Resident resident = resident(place, 0);

        assertThat(say(resident, "#" + poll.number() + " A C")).isEqualTo("#" + poll.number() + " 最多只能选 1 项。");
        assertThat(ballots.respondedHouseholds(poll.id())).isEmpty();
    }

    @Test
    void aPollWithSeveralChoicesTakesTwoLettersOrItsOwnLabels() {
        Place place = place("80.00", "90.50");
        Round poll = open(RoundDraft.poll(place.community().id(), place.group().id(), "小区改造选哪几项", inADay())
                .options(List.of("加装电梯", "外墙翻新", "增加车位"), 2));
        Resident first = resident(place, 0);
        Resident second = resident(place, 1);

        assertThat(say(first, "#" + poll.number() + " A C")).startsWith(
                "已记录：7-1-101 在 #" + poll.number() + " 选择「加装电梯、增加车位」");
        assertThat(say(second, "#" + poll.number() + " 外墙翻新")).startsWith(
                "已记录：7-1-102 在 #" + poll.number() + " 选择「外墙翻新」");
        assertThat(ballots.ownChoice(poll, first.household().id())).contains("A,C");
        assertThat(ballots.ownChoice(poll, second.household().id())).contains("B");
    }

    @Test
    void theOwnerOfTwoUnitsIsAskedWhichAndNamingTheUnitWorks() {
        Place place = place("80.00", "90.50", "100.25");
        Round poll = poll(place, "楼道加装扶手");
        ChatIdentity owner = newIdentity();
        bind(owner, place.household(0), MemberRole.OWNER);
        bind(owner, place.household(1), MemberRole.OWNER);
        int n = poll.number();

        assertThat(say(owner, place, "#" + n + " 同意")).isEqualTo(
                "您绑定了多户（7-1-101、7-1-102），请在后面加上户号，例如「#" + n + " 同意 7-1-101」。");
        assertThat(ballots.respondedHouseholds(poll.id())).isEmpty();

        assertThat(say(owner, place, "#" + n + " 同意 7-1-102")).startsWith("已记录：7-1-102 在 #" + n + " 选择「同意」");
        assertThat(say(owner, place, "#" + n + " 反对 7-1-101")).startsWith("已记录：7-1-101 在 #" + n + " 选择「反对」");

        assertThat(ballots.ownChoice(poll, place.household(1).id())).contains("A");
        assertThat(ballots.ownChoice(poll, place.household(0).id())).contains("B");
        assertThat(ballots.respondedHouseholds(poll.id())).hasSize(2);
    }

    @Test
    void aVoteAfterTheRoundClosedIsRefusedAndStoredNowhere() {
        Place place = place("80.00", "90.50");
        Round poll = poll(place, "楼道加装扶手");
        Resident early = resident(place, 0);
        Resident late = resident(place, 1);
        say(early, "#" + poll.number() + " 同意");
        closing.close(poll.id(), STAFF, Channel.CONSOLE).orElseThrow();

        assertThat(say(late, "#" + poll.number() + " 同意")).isEqualTo("#" + poll.number()
                + " 已经截止，不能再回复了。回复「#结果 " + poll.number() + "」看结果。");
        assertThat(say(early, "#" + poll.number() + " 反对")).startsWith("#" + poll.number() + " 已经截止");

        assertThat(ballots.respondedHouseholds(poll.id())).containsExactly(early.household().id());
        assertThat(ballots.ownChoice(poll, early.household().id())).contains("A");
    }

    @Test
    void aVoteAfterTheDeadlineButBeforeTheCloseIsRefusedToo() {
        Place place = place("80.00");
        Round poll = poll(place, "楼道加装扶手");
        Resident resident = resident(place, 0);
        clock.moveTo(poll.closingAt().plusSeconds(1));

        assertThat(say(resident, "#" + poll.number() + " 同意")).startsWith("#" + poll.number() + " 已经截止");

        assertThat(ballots.respondedHouseholds(poll.id())).isEmpty();
    }

    @Test
    void aVoteWithoutANumberSentBeforeTheDeadlineAndAnsweredAfterItCountsAndOneSentAfterItDoesNot() {
        Place place = place("80.00", "90.50");
        Round poll = poll(place, "楼道加装扶手");
        Resident intime = resident(place, 0);
        Resident late = resident(place, 1);
        clock.moveTo(poll.closingAt().plusSeconds(30));

        String counted = sayLater(intime, "同意", poll.closingAt().minusSeconds(5));
        String refused = sayLater(late, "同意", poll.closingAt().plusSeconds(1));

        assertThat(counted).startsWith("已记录：7-1-101 在 #" + poll.number() + " 选择「同意」，回执");
        assertThat(refused).isEqualTo("这里目前没有可以回复的协商。回复「#列表」看看。");
        assertThat(ballots.respondedHouseholds(poll.id())).containsExactly(intime.household().id());
    }

    @Test
    void aVoteWithoutANumberAnsweredLaterIsNotTakenForARoundOpenedAfterItWasSent() {
        Place place = place("80.00");
        Round first = poll(place, "楼道加装扶手");
        Resident resident = resident(place, 0);
        Instant sent = clock.instant();
        clock.advance(Duration.ofMinutes(1));
        poll(place, "更换单元门");

        String reply = sayLater(resident, "同意", sent);

        assertThat(reply).startsWith("已记录：7-1-101 在 #" + first.number() + " 选择「同意」，回执");
    }

    // ---- cost shares

    @Test
    void aPledgeStatesTheHouseholdsAmountAndHowManyHaveConfirmed() {
        Place place = place("80.00", "90.50", "100.25");
        Round share = open(RoundDraft.costShare(place.community().id(), place.group().id(), "7号楼加装门禁",
                ShareMode.PER_HOUSEHOLD, 20_000, inADay()));
        Resident first = resident(place, 0);
        Resident second = resident(place, 1);
        int n = share.number();

        String pledged = say(first, "#确认 " + n);
        String objected = say(second, "#" + n + " 不同意");

        assertThat(pledged).matches("已记录：7-1-101 确认 #" + n + "「7号楼加装门禁」，本户分摊 200 元，回执 "
                + "[23456789A-HJ-NP-Z]{4}。目前已确认 1/3 户。");
        assertThat(objected).matches("已记录：7-1-102 对 #" + n + " 表示不同意，回执 [23456789A-HJ-NP-Z]{4}。目前已确认 1/3 户。");
        assertThat(ballots.ownChoice(share, first.household().id())).contains("A");
        assertThat(ballots.ownChoice(share, second.household().id())).contains("B");
    }

    @ParameterizedTest(name = "\"{0}\" pledges")
    @ValueSource(strings = {"#确认 {n}", "#{n} 确认", "#确认{n}", "#确认", "确认", "#同意", "#{n} 同意", "＃确认　{N}"})
    void readsTheWaysResidentsConfirmAShare(String typed) {
        Place place = place("80.00", "120.00");
        Round share = open(RoundDraft.costShare(place.community().id(), place.group().id(), "更换水泵",
                ShareMode.TOTAL_BY_AREA, 100_000, inADay()));
        Resident resident = resident(place, 1);

        String reply = say(resident, typed.replace("{n}", String.valueOf(share.number()))
                .replace("{N}", fullWidth(String.valueOf(share.number()))));

        assertThat(reply).startsWith("已记录：7-1-102 确认 #" + share.number() + "「更换水泵」，本户分摊 600 元，回执 ");
        assertThat(ballots.ownChoice(share, resident.household().id())).contains("A");
    }

    @Test
    void confirmingAPollIsRefusedAsTheWrongKind() {
        Place place = place("80.00");
        Round poll = poll(place, "楼道加装扶手");
        Resident resident = resident(place, 0);

        assertThat(say(resident, "#确认 " + poll.number()))
                .isEqualTo("#" + poll.number() + " 是表决，不能这样回复。回复「#帮助」看看用法。");
        assertThat(ballots.respondedHouseholds(poll.id())).isEmpty();
    }

    // ---- results

    @Test
    void theResultOfAnOpenPollHidesTheCountsUntilItCloses() {
        Place place = place("80.00", "90.50", "100.25");
        Round poll = poll(place, "楼道加装扶手");
        say(resident(place, 0), "#" + poll.number() + " 同意");
        say(resident(place, 1), "#" + poll.number() + " 反对");
        Resident asking = resident(place, 2);
        int n = poll.number();

        assertThat(say(asking, "#结果 " + n)).isEqualTo("#" + n + " 楼道加装扶手：已有 2/3 户回复，截止 "
                + wording.time(poll.closingAt()) + "\n各选项票数将在截止后公布。");

        closing.close(poll.id(), STAFF, Channel.CONSOLE).orElseThrow();

        assertThat(say(asking, "#结果 " + n)).contains("#" + n + " 结果：楼道加装扶手", "参与 2/3 户",
                "同意 1 户（80.00 ㎡）、反对 1 户（90.50 ㎡）、弃权 0 户（0.00 ㎡）");
    }

    @Test
    void theResultOfAPollWithLiveResultsShowsTheCountsWhileOpen() {
        Place place = place("80.00", "90.50", "100.25");
        Round poll = open(RoundDraft.poll(place.community().id(), place.group().id(), "楼道加装扶手", inADay())
                .secrecy(false, true));
        say(resident(place, 0), "#" + poll.number() + " 同意");
        say(resident(place, 1), "#" + poll.number() + " 同意");
        int n = poll.number();

        assertThat(say(resident(place, 2), "#结果 " + n)).isEqualTo("#" + n + " 楼道加装扶手：已有 2/3 户回复，截止 "
                + wording.time(poll.closingAt()) + "\nA 同意：2 户\nB 反对：0 户\nC 弃权：0 户");
    }

    @Test
    void theResultOfASecretPollShowsNoCountsBeforeItClosesEvenWithLiveResults() {
        Place place = place("80.00", "90.50", "100.25");
        Round poll = open(RoundDraft.poll(place.community().id(), place.group().id(), "选举监事", inADay())
                .secrecy(true, true));
        Resident voter = resident(place, 0);
        int n = poll.number();

        assertThat(say(voter, "#" + n + " 同意")).matches(
                "已记录：7-1-101 在 #" + n + " 的不记名投票，回执 [23456789A-HJ-NP-Z]{4}。不记名表决建议私聊我投票，别人就看不到您的选择。");
        String result = say(resident(place, 1), "#结果 " + n);

        assertThat(result).contains("已有 1/3 户回复", "各选项票数将在截止后公布。").doesNotContain("同意：", "1 户");

        closing.close(poll.id(), STAFF, Channel.CONSOLE).orElseThrow();

        assertThat(say(resident(place, 2), "#结果 " + n)).contains("同意 1 户（80.00 ㎡）");
    }

    @Test
    void aSecretBallotCastInPrivateIsReadBackWithItsChoice() {
        Place place = place("80.00");
        Round poll = open(RoundDraft.poll(place.community().id(), place.group().id(), "选举监事", inADay())
                .secrecy(true, false));
        Resident voter = resident(place, 0);

        String reply = conversation.handle(new Sender(voter.identity(), "居民", Channel.WECOM_APP, null),
                "#" + poll.number() + " 同意").text();

        assertThat(reply).startsWith("已记录：7-1-101 在 #" + poll.number() + " 选择「同意」");
    }

    @Test
    void theResultOfARoundNotFoundSaysSo() {
        Place place = place("80.00");
        Resident resident = resident(place, 0);

        assertThat(say(resident, "#结果 999999")).isEqualTo("没有找到 #999999。回复「#列表」看进行中的协商。");
    }

    // ---- the household's own

    @Test
    void mineListsTheHouseholdsBallotsPledgesAndReceipts() {
        Place place = place("80.00", "90.50");
        Round poll = poll(place, "楼道加装扶手");
        Round share = open(RoundDraft.costShare(place.community().id(), place.group().id(), "7号楼加装门禁",
                ShareMode.PER_HOUSEHOLD, 20_000, inADay()));
        Round pending = poll(place, "外墙清洗");
        Resident resident = resident(place, 0);
        String voted = receiptIn(say(resident, "#" + poll.number() + " 同意"));
        String pledged = receiptIn(say(resident, "#确认 " + share.number()));

        String mine = say(resident, "#我的");

        assertThat(mine).startsWith("7-1-101（业主）").contains(
                "#" + poll.number() + " 楼道加装扶手：「同意」，回执 " + voted,
                "#" + share.number() + " 7号楼加装门禁：「确认」，回执 " + pledged + "，分摊 200 元",
                "#" + pending.number() + " 外墙清洗：还没有回复（截止 " + wording.time(pending.closingAt()) + "）");
        assertThat(mine).doesNotContain("7-1-102");
    }

    @Test
    void mineInTheGroupNeverShowsTheChoiceOfASecretBallot() {
        Place place = place("80.00", "90.50");
        Round poll = open(RoundDraft.poll(place.community().id(), place.group().id(), "选举监事", inADay())
                .secrecy(true, false));
        Resident resident = resident(place, 0);
        conversation.handle(new Sender(resident.identity(), "居民", Channel.WECOM_APP, null), "#" + poll.number() + " 反对");

        String inGroup = say(resident, "#我的");

        assertThat(inGroup).contains("#" + poll.number() + " 选举监事").doesNotContain("反对");
    }

    // ---- list and help

    @Test
    void theListShowsTheOpenRoundsOfTheGroupWithNumbersKindsAndDeadlines() {
        Place place = place("80.00");
        Resident resident = resident(place, 0);
        assertThat(say(resident, "#列表")).isEqualTo("这里目前没有进行中的协商。");
        Round poll = poll(place, "楼道加装扶手");
        Round share = open(RoundDraft.costShare(place.community().id(), place.group().id(), "7号楼加装门禁",
                ShareMode.PER_HOUSEHOLD, 20_000, inADay()));

        assertThat(say(resident, "#列表")).isEqualTo("进行中的协商：\n"
                + "#" + poll.number() + " 表决：楼道加装扶手（截止 " + wording.time(poll.closingAt()) + "）\n"
                + "#" + share.number() + " 费用分摊：7号楼加装门禁（截止 " + wording.time(share.closingAt()) + "）");
    }

    @ParameterizedTest(name = "\"{0}\" gives help")
    @ValueSource(strings = {"#帮助", "帮助", "help", "?", "？", "#", "", "   ", "@云协商"})
    void helpListsWhatResidentsCanDoButNotTheStaffCommands(String typed) {
        Place place = place("80.00");
        poll(place, "楼道加装扶手");
        Resident resident = resident(place, 0);

        String help = say(resident, typed);

        assertThat(help).startsWith(HELP_TITLE).contains("#12 同意", "#确认 12", "#结果 12", "#我的", "#列表", "#提议",
                "#附议 P3", "#绑定").doesNotContain("#发起", "#催办", "#截止", "#延期", "第一次使用请先绑定房屋");
    }

    @ParameterizedTest(name = "unknown text \"{0}\" gives help")
    @ValueSource(strings = {"今天天气怎么样", "#随便说说", "hello"})
    void unknownTextGivesHelp(String typed) {
        Place place = place("80.00");
        Round poll = poll(place, "楼道加装扶手");
        Resident resident = resident(place, 0);

        assertThat(say(resident, typed)).startsWith(HELP_TITLE);
        assertThat(ballots.respondedHouseholds(poll.id())).isEmpty();
    }

    @Test
    void unknownTextGivesHelpAlsoWhereNothingIsOpen() {
        Place place = place("80.00");
        Resident resident = resident(place, 0);

        assertThat(say(resident, "今天天气怎么样")).startsWith(HELP_TITLE);
        assertThat(say(resident, "#同意")).isEqualTo("这里目前没有可以回复的协商。回复「#列表」看看。");
    }

    @Test
    void staffSeeTheirCommandsInTheHelpToo() {
        Place place = place("80.00");
        ChatIdentity worker = staff(place, StaffRole.STAFF);

        assertThat(say(worker, place, "#帮助")).contains("#发起", "#催办 12", "#截止 12", "#延期 12");
    }

    // ---- staff

    @ParameterizedTest(name = "a resident saying \"{0}\" is refused")
    @ValueSource(strings = {"#截止 {n}", "#发起 表决 楼道加装扶手", "#催办 {n}", "#延期 {n} 3天 参与户数不足", "#{n} 截止"})
    void staffCommandsAreRefusedForResidents(String typed) {
        Place place = place("80.00", "90.50");
        Round poll = poll(place, "外墙清洗");
        Resident resident = resident(place, 0);
        String command = typed.contains("发起") ? "发起" : typed.contains("催办") ? "催办"
                : typed.contains("延期") ? "延期" : "截止";

        assertThat(say(resident, typed.replace("{n}", String.valueOf(poll.number()))))
                .isEqualTo("「" + command + "」只有社区工作人员可以使用。");

        Round after = rounds.find(poll.id()).orElseThrow();
        assertThat(after.state()).isEqualTo(RoundState.OPEN);
        assertThat(after.closingAt()).isEqualTo(poll.closingAt());
        assertThat(rounds.openInGroup(place.group().id())).extracting(Round::id).containsExactly(poll.id());
    }

    @Test
    void aSupervisorMayNotRunRoundsFromTheChat() {
        Place place = place("80.00");
        Round poll = poll(place, "外墙清洗");
        ChatIdentity supervisor = staff(place, StaffRole.SUPERVISOR);

        assertThat(say(supervisor, place, "#截止 " + poll.number())).isEqualTo("「截止」只有社区工作人员可以使用。");
        assertThat(rounds.find(poll.id()).orElseThrow().state()).isEqualTo(RoundState.OPEN);
    }

    @Test
    void staffLaunchAPollInTheGroup() {
        Place place = place("80.00", "90.50");
        ChatIdentity worker = staff(place, StaffRole.STAFF);

        String reply = say(worker, place, "#发起 表决 楼道加装扶手 截止3天 规则过半");

        List<Round> open = rounds.openInGroup(place.group().id());
        assertThat(open).singleElement().satisfies(round -> {
            assertThat(round.kind()).isEqualTo(RoundKind.POLL);
            assertThat(round.title()).isEqualTo("楼道加装扶手");
            assertThat(round.closingAt()).isEqualTo(clock.instant().plus(Duration.ofDays(3)));
            assertThat(reply).isEqualTo("已发起 #" + round.number() + " 表决：楼道加装扶手，截止 "
                    + wording.time(round.closingAt()) + "，规则：参与户过半数同意。开始公告随后发到群里。");
        });
    }

    @Test
    void staffLaunchACostShareThatResidentsCanConfirm() {
        Place place = place("80.00", "90.50");
        ChatIdentity worker = staff(place, StaffRole.COMMUNITY_ADMIN);

        assertThat(say(worker, place, "#发起 费用 7号楼加装门禁 每户200元 截止7天 规则六成")).startsWith("已发起 #")
                .contains("费用分摊：7号楼加装门禁", "规则：全体户六成以上同意");

        assertThat(say(resident(place, 0), "#确认")).contains("本户分摊 200 元", "目前已确认 1/2 户");
    }

    @Test
    void anUnclearLaunchIsExplainedWithExamples() {
        Place place = place("80.00");
        ChatIdentity worker = staff(place, StaffRole.STAFF);

        assertThat(say(worker, place, "#发起 费用 加装门禁")).startsWith("没看明白要发起什么。例如：");
        assertThat(rounds.openInGroup(place.group().id())).isEmpty();
    }

    @Test
    void aLaunchOutsideAGroupIsRefused() {
        Place place = place("80.00");
        ChatIdentity worker = staff(place, StaffRole.STAFF);

        String reply = conversation.handle(new Sender(worker, "社工", Channel.WECOM_APP, null),
                "#发起 表决 楼道加装扶手").text();

        assertThat(reply).isEqualTo("请在要发起协商的群里发送这条命令。");
        assertThat(rounds.openInCommunity(place.community().id())).isEmpty();
    }

    @Test
    void staffRemindExtendAndCloseARound() {
        Place place = place("80.00", "90.50", "100.25");
        Round poll = poll(place, "楼道加装扶手");
        say(resident(place, 0), "#" + poll.number() + " 同意");
        ChatIdentity worker = staff(place, StaffRole.STAFF);
        int n = poll.number();

        assertThat(say(worker, place, "#催办 " + n)).isEqualTo("已提醒 #" + n + " 未回复的 2 户。");

        assertThat(say(worker, place, "#延期 " + n + " 3天")).isEqualTo("请写明原因，例如「#延期 " + n + " 3天 参与户数不足」。");
        assertThat(rounds.find(poll.id()).orElseThrow().closingAt()).isEqualTo(poll.closingAt());

        Instant later = poll.closingAt().plus(Duration.ofDays(3));
        assertThat(say(worker, place, "#延期 " + n + " 3天 参与户数不足"))
                .isEqualTo("#" + n + " 已延期至 " + wording.time(later) + "，群里会收到通知。");
        assertThat(rounds.find(poll.id()).orElseThrow().closingAt()).isEqualTo(later);

        assertThat(say(worker, place, "#截止 " + n)).isEqualTo("#" + n + " 已截止，结论：通过。结果随后发到群里。");
        assertThat(rounds.find(poll.id()).orElseThrow().state()).isEqualTo(RoundState.CLOSED);
        assertThat(say(resident(place, 1), "#" + n + " 反对")).startsWith("#" + n + " 已经截止");
        assertThat(ballots.respondedHouseholds(poll.id())).hasSize(1);
    }

    @Test
    void aStaffCommandWithoutARoundNumberShowsItsUsage() {
        Place place = place("80.00");
        poll(place, "楼道加装扶手");
        ChatIdentity worker = staff(place, StaffRole.STAFF);

        assertThat(say(worker, place, "#截止")).isEqualTo("#截止 12：立即截止第12号并公布结果（工作人员）");
        assertThat(say(worker, place, "#延期")).isEqualTo("#延期 12 3天 原因：延长第12号的截止时间（工作人员）");
    }

    // ---- proposals

    @Test
    void aProposalIsSubmittedAsTypedAndNeighboursSupportIt() {
        Place place = place("80.00", "90.50", "100.25");
        Round call = proposalCall(place);
        Resident proposer = resident(place, 0);
        Resident neighbour = resident(place, 1);

        String submitted = say(proposer, "#提议 楼道装声控灯，晚上太黑！");

        Proposal proposal = proposals.ofRound(call.id()).get(0);
        int p = proposal.number();
        assertThat(submitted).isEqualTo("已收到 7-1-101 的提案 P" + p + "（#" + call.number() + "）。邻居回复「#附议 P" + p
                + "」即可附议，社区会逐条答复。");
        assertThat(proposal.body()).isEqualTo("楼道装声控灯，晚上太黑！");

        assertThat(say(neighbour, "#附议 P" + p)).isEqualTo("已附议 P" + p + "，目前共 1 户附议。");
        assertThat(say(neighbour, "#附议P" + p)).isEqualTo("7-1-102 已经附议过 P" + p + " 了。");
        assertThat(say(proposer, "#附议 P" + p)).isEqualTo("P" + p + " 是您家自己的提案，不用附议。");
        assertThat(proposals.find(place.community().id(), p).orElseThrow().supports()).isEqualTo(1);
        assertThat(say(neighbour, "#结果 " + call.number())).startsWith("#" + call.number() + " 小区改造建议：已收到 1 条提案")
                .endsWith("P" + p + " 楼道装声控灯，晚上太黑！（1 户附议）");
    }

    @Test
    void aProposalAndASupportSentBeforeTheCallsDeadlineAndHandledAfterItAreTakenAndDatedWhenSent() {
        Place place = place("80.00", "90.50", "100.25");
        Round call = proposalCall(place);
        Resident proposer = resident(place, 0);
        Resident neighbour = resident(place, 1);
        Resident late = resident(place, 2);
        Instant sent = call.closingAt().minusSeconds(10);
        clock.moveTo(call.closingAt().plusSeconds(30));

        String submitted = sayLater(proposer, "#提议 楼道装声控灯", sent);
        int p = proposals.ofRound(call.id()).get(0).number();
        String supported = sayLater(neighbour, "#附议 P" + p, sent.plusSeconds(5));
        String tooLate = sayLater(late, "#附议 P" + p, call.closingAt().plusSeconds(1));

        assertThat(submitted).startsWith("已收到 7-1-101 的提案 P" + p);
        assertThat(supported).isEqualTo("已附议 P" + p + "，目前共 1 户附议。");
        assertThat(tooLate).startsWith("#" + call.number() + " 已经截止");
        Proposal proposal = proposals.find(place.community().id(), p).orElseThrow();
        assertThat(proposal.supports()).isEqualTo(1);
        assertThat(proposal.submittedAt()).isEqualTo(sent);
    }

    @Test
    void aProposalWithoutAnOpenCallOrTextIsExplained() {
        Place place = place("80.00");
        Resident resident = resident(place, 0);

        assertThat(say(resident, "#提议")).isEqualTo("#提议 内容：提出建议，例如「#提议 楼道装声控灯」");
        assertThat(say(resident, "#提议 楼道装声控灯")).isEqualTo("这里目前没有可以回复的协商。回复「#列表」看看。");
        assertThat(say(resident, "#附议 P999999")).isEqualTo("没有找到提案 P999999。");
    }

    // ---- fuzz

    @Test
    void randomTextAlwaysGetsAnAnswerAndChangesNoBallotCount() {
        Place place = place("80.00", "90.50", "100.25");
        Round poll = poll(place, "楼道加装扶手");
        Round share = open(RoundDraft.costShare(place.community().id(), place.group().id(), "7号楼加装门禁",
                ShareMode.PER_HOUSEHOLD, 20_000, inADay()));
        Resident resident = resident(place, 0);
        say(resident, "#" + poll.number() + " 同意");
        say(resident, "#确认 " + share.number());
        Random random = new Random(4_242L);
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < 2_000; i++) {
            String text = randomText(random, List.of(String.valueOf(poll.number()), String.valueOf(share.number())));
            try {
                String reply = conversation.handle(inGroup(resident.identity(), place), text).text();
                if (reply.isBlank() || reply.equals(FAILED)) {
                    failures.add(text.codePoints().mapToObj(Integer::toHexString).toList() + " -> " + reply);
                }
            } catch (RuntimeException e) {
                failures.add(text.codePoints().mapToObj(Integer::toHexString).toList() + " -> " + e);
            }
        }

        assertThat(failures).as("messages without a proper answer").isEmpty();
        assertThat(ballots.respondedHouseholds(poll.id())).containsExactly(resident.household().id());
        assertThat(ballots.respondedHouseholds(share.id())).containsExactly(resident.household().id());
        assertThat(rounds.openInGroup(place.group().id())).hasSize(2);
    }

    private static String randomText(Random random, List<String> numbers) {
        List<String> words = List.of("#", "＃", " ", "　", "同意", "反对", "弃权", "确认", "不同意", "结果", "我的", "列表",
                "帮助", "绑定", "提议", "附议", "P", "截止", "延期", "催办", "发起", "表决", "费用", "7-1-101", "A", "+1",
                "@云协商", "3天", "\u200b", "，", "?");
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(10) == 0 ? 200 + random.nextInt(2_000) : random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(8)) {
                case 0 -> text.append(words.get(random.nextInt(words.size())));
                case 1 -> text.append(numbers.get(random.nextInt(numbers.size())));
                case 2 -> text.append((char) (0xD800 + random.nextInt(0x800)));
                case 3 -> text.appendCodePoint(0x1F300 + random.nextInt(0x300));
                case 4 -> text.appendCodePoint(0x4E00 + random.nextInt(0x5200));
                case 5 -> text.appendCodePoint(random.nextInt(0x20));
                case 6 -> text.appendCodePoint(0xFF00 + random.nextInt(0xF0));
                default -> text.appendCodePoint(random.nextInt(Character.MAX_CODE_POINT + 1));
            }
        }
        return text.toString();
    }

    // ---- the neighbourhood

    /** A new community with one building, 7号楼 (7-1-101, 7-1-102 ...), and its group. */
    private Place place(String... areas) {
        Community community = keeping.registerCommunity("测试社区-" + UUID.randomUUID(), STAFF, Channel.CONSOLE);
        Building building = keeping.registerBuilding(community.id(), "7号楼", STAFF, Channel.CONSOLE);
        List<Household> households = new ArrayList<>();
        for (int i = 0; i < areas.length; i++) {
            households.add(keeping.registerHousehold(building, "7-1-" + (101 + i), new BigDecimal(areas[i]), null,
                    STAFF, Channel.CONSOLE));
        }
        ChatGroup group = groups.register(community.id(), "7号楼业主群", List.of(building.id()), STAFF, Channel.CONSOLE);
        return new Place(community, group, households);
    }

    private record Place(Community community, ChatGroup group, List<Household> households) {

        Household household(int index) {
            return households.get(index);
        }
    }

    /** A person bound as owner of one household, speaking in the place's group. */
    private record Resident(ChatIdentity identity, Household household, Place place) {
    }

    private Resident resident(Place place, int index) {
        ChatIdentity identity = newIdentity();
        bind(identity, place.household(index), MemberRole.OWNER);
        return new Resident(identity, place.household(index), place);
    }

    private Binding bind(ChatIdentity identity, Household household, MemberRole role) {
        return binding.bind(identity, "居民" + household.unitLabel(), code(household, role), Channel.WECOM_APP)
                .orElseThrow();
    }

    private String code(Household household, MemberRole role) {
        return issuing.issue(household.id(), role, Duration.ofDays(7), STAFF, Channel.CONSOLE).orElseThrow().code();
    }

    /** A staff member of the place's community, known in WeCom by a userid. */
    private ChatIdentity staff(Place place, StaffRole role) {
        String userid = "staff-" + UUID.randomUUID();
        staffDirectory.register(place.community().id(), "社工 " + userid.substring(6, 10), role, userid, STAFF,
                Channel.CONSOLE);
        return new ChatIdentity(IdentityKind.WECOM_USER, userid);
    }

    private static ChatIdentity newIdentity() {
        return new ChatIdentity(IdentityKind.WECOM_USER, "u-" + UUID.randomUUID());
    }

    private Round poll(Place place, String title) {
        return open(RoundDraft.poll(place.community().id(), place.group().id(), title, inADay()));
    }

    /** An open call for proposals in the place's group, 5 supports to flag one, due in a day. */
    private Round proposalCall(Place place) {
        return open(RoundDraft.proposalCall(place.community().id(), place.group().id(), "小区改造建议", 5, inADay()));
    }

    private Round open(RoundDraft.Builder draft) {
        Round drafted = drafting.draft(draft.build(), STAFF, Channel.CONSOLE).orElseThrow();
        return opening.open(drafted.id(), STAFF, Channel.CONSOLE).orElseThrow();
    }

    private Instant inADay() {
        return clock.instant().plus(Duration.ofDays(1));
    }

    private String say(Resident resident, String text) {
        return say(resident.identity(), resident.place(), text);
    }

    private String say(ChatIdentity identity, Place place, String text) {
        return conversation.handle(inGroup(identity, place), text).text();
    }

    /** A message sent at {@code sentAt} and handled now (taken in during a burst, answered later). */
    private String sayLater(Resident resident, String text, Instant sentAt) {
        return conversation.handle(new Sender(resident.identity(), "居民", Channel.WECOM_ROBOT,
                resident.place().group(), sentAt), text).text();
    }

    private static Sender inGroup(ChatIdentity identity, Place place) {
        return new Sender(identity, "居民", Channel.WECOM_ROBOT, place.group());
    }

    private static String receiptIn(String reply) {
        Matcher receipt = RECEIPT.matcher(reply);
        assertThat(receipt.find()).as("a receipt in: " + reply).isTrue();
        return receipt.group(1);
    }

    private static String fullWidth(String ascii) {
        StringBuilder wide = new StringBuilder();
        ascii.chars().forEach(c -> wide.append(c == ' ' ? '\u3000' : (char) (c + 0xFEE0)));
        return wide.toString();
    }

    /** A clock the tests move forward; it starts at the real time, so rows on a shared database stay in order. */
    static class MovableClock extends Clock {

        private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        @Override
        public Instant instant() {
            return now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        synchronized void moveTo(Instant instant) {
            if (instant.isAfter(now)) {
                now = instant.truncatedTo(ChronoUnit.MILLIS);
            }
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("tests use UTC");
        }
    }
}
