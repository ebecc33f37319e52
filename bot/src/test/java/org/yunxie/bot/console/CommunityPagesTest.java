package org.yunxie.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.core.account.ConsoleRole;
import org.yunxie.core.ballot.BallotRecorded;
import org.yunxie.core.ballot.OfflineKind;
import org.yunxie.core.ballot.RecordingOfflineBallot;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.group.PostVia;
import org.yunxie.core.indicator.MeasuringCommunity;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.proposal.ProposalResponse;
import org.yunxie.core.proposal.Proposals;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Channel;

/** The dashboard's indicators, the proposal queue, groups, the audit log and receipt checks, through their pages. */
@EmbeddedDemoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunityPagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ConsoleWorld world;
    @Autowired
    ProposalSetup proposalSetup;
    @Autowired
    Proposals proposals;
    @Autowired
    RecordingOfflineBallot offline;
    @Autowired
    ClosingRound closing;
    @Autowired
    ChatGroups groups;
    @Autowired
    MeasuringCommunity measuring;

    ConsoleWorld.Place place;
    ConsoleClient staff;

    @BeforeAll
    void signIn() throws Exception {
        place = world.place(4);
        staff = new ConsoleClient(context).signInFirstTime(place.account(ConsoleRole.STAFF));
    }

    @Test
    void theIndicatorsCountWhatHappenedThisYear() throws Exception {
        ConsoleWorld.Place fresh = world.place(5);
        Round poll = world.openPoll(fresh, "指标", false);
        offline.record(poll.id(), fresh.households().get(0).id(), List.of("A"), OfflineKind.PAPER, "纸质",
                ConsoleWorld.SETUP).orElseThrow();
        offline.record(poll.id(), fresh.households().get(1).id(), List.of("B"), OfflineKind.PAPER, "纸质",
                ConsoleWorld.SETUP).orElseThrow();
        proposalSetup.submitOne(fresh);

        var figures = measuring.measure(fresh.id());
        assertThat(figures.eligibleHouseholds()).isEqualTo(5);
        assertThat(figures.participatingHouseholds()).isEqualTo(2);
        assertThat(figures.proposals()).isEqualTo(1);
        assertThat(figures.proposalsAnswered()).isZero();
        assertThat(figures.roundsOpened()).isEqualTo(2);
        assertThat(figures.groupsWithRounds()).isEqualTo(1);
        assertThat(figures.months().get(11).roundsOpened()).isEqualTo(2);
        ConsoleClient admin = new ConsoleClient(context).signInFirstTime(fresh.account(ConsoleRole.SUPERVISOR));
        String page = admin.get("/admin/c/" + fresh.id()).getResponse().getContentAsString();
        assertThat(page).contains("40%", "2/5 户", "#1 指标", "目前待答复 1 件", "<svg class=\"chart\"");
        assertThat(admin.get("/admin/c/" + fresh.id() + "/indicators.xlsx").getResponse().getContentAsByteArray())
                .isNotEmpty();
    }

    @Test
    void staffAnswerProposalsWithAReasonAndCouncilMembersPromoteThem() throws Exception {
        int first = proposalSetup.submitOne(place);
        String queue = "/admin/c/" + place.id() + "/proposals";
        assertThat(staff.get(queue + "?unanswered=true").getResponse().getContentAsString())
                .contains("P" + first, "楼道装声控灯", "待答复");

        MvcResult noReason = staff.post(queue + "/" + first + "/respond", Map.of("response", "DECLINED"));
        assertThat(noReason.getFlashMap().get("problem")).isEqualTo("请写明原因。");
        staff.post(queue + "/" + first + "/respond", Map.of("response", "DECLINED", "note", "预算不足，明年再议"));
        assertThat(proposals.find(place.id(), first).orElseThrow().response()).isEqualTo(ProposalResponse.DECLINED);

        ConsoleClient council = new ConsoleClient(context).signInFirstTime(place.account(ConsoleRole.COUNCIL));
        MvcResult promoted = council.post(queue + "/" + first + "/promote", Map.of());
        assertThat(promoted.getResponse().getRedirectedUrl()).contains("/rounds/");
        assertThat(proposals.find(place.id(), first).orElseThrow().promotedRoundId()).isNotNull();
    }

    @Test
    void aGroupsWebhookKeyIsNeverShownBackAndAnEmptyFieldKeepsIt() throws Exception {
        String page = "/admin/c/" + place.id() + "/groups";
        String key = "0a1b2c3d-secret-key-98765";
        staff.post(page + "/" + place.group().id() + "/connect", Map.of("chatId", "wr-pages-" + place.id(),
                "postVia", "ROBOT_WEBHOOK", "webhookKey", key));
        assertThat(staff.get(page).getResponse().getContentAsString()).contains("••••8765").doesNotContain(key);

        staff.post(page + "/" + place.group().id() + "/connect", Map.of("chatId", "wr-pages-" + place.id(),
                "postVia", "ROBOT_WEBHOOK", "webhookKey", ""));
        var group = groups.find(place.group().id()).orElseThrow();
        assertThat(group.robotWebhookKey()).isEqualTo(key);
        assertThat(group.postVia()).isEqualTo(PostVia.ROBOT_WEBHOOK);
    }

    @Test
    void theAuditLogFiltersByRoundAndExportsCsvThatASpreadsheetCannotRun() throws Exception {
        Round poll = world.openPoll(place, "审计", false);
        offline.record(poll.id(), place.households().get(0).id(), List.of("A"), OfflineKind.PROXY,
                "=HYPERLINK(\"http://x\")", ConsoleWorld.SETUP).orElseThrow();
        String audit = "/admin/c/" + place.id() + "/audit?round=" + poll.number();

        String page = staff.get(audit).getResponse().getContentAsString();
        assertThat(page).contains("round.opened", "ballot.entered_offline").doesNotContain("proposal.submitted");
        MvcResult csv = staff.get("/admin/c/" + place.id() + "/audit/export.csv?round=" + poll.number()
                + "&action=ballot.");
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFFid,time").contains("ballot.entered_offline").doesNotContain("round.opened");
        assertThat(text).contains("\"PROXY A evidence: =HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }

    @Test
    void aReceiptShowsTheHouseholdWasCountedButNeverWhatItChose() throws Exception {
        Round secret = world.openPoll(place, "回执", true);
        BallotRecorded recorded = offline.record(secret.id(), place.households().get(2).id(), List.of("B"),
                OfflineKind.PAPER, "纸质", ConsoleWorld.SETUP).orElseThrow();
        String check = "/admin/c/" + place.id() + "/receipts?round=" + secret.number() + "&code=";
        ConsoleClient supervisor = new ConsoleClient(context).signInFirstTime(place.account(ConsoleRole.SUPERVISOR));

        assertThat(supervisor.get(check + recorded.receipt().toLowerCase()).getResponse().getContentAsString())
                .contains("回执属于 1-1-103", "截止时将计入结果");
        closing.close(secret.id(), ConsoleWorld.SETUP, Channel.CONSOLE).orElseThrow();
        String counted = supervisor.get(check + recorded.receipt()).getResponse().getContentAsString();
        assertThat(counted).contains("回执属于 1-1-103：该户在 #" + secret.number() + " 的投票已计入结果")
                .doesNotContain("反对");
        assertThat(supervisor.get(check + "ZZZZ").getResponse().getContentAsString()).contains("没有找到这个回执");
    }

    @Test
    void theSetupPageIsGoneOnceAnAccountExists() throws Exception {
        assertThat(new ConsoleClient(context).get("/admin/setup").getResponse().getStatus()).isEqualTo(404);
    }

}
