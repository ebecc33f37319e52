package org.yunxie.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.context.WebApplicationContext;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.core.account.ConsoleRole;
import org.yunxie.core.ballot.OfflineKind;
import org.yunxie.core.ballot.RecordingOfflineBallot;
import org.yunxie.core.costshare.Ledger;
import org.yunxie.core.costshare.LedgerStatus;
import org.yunxie.core.overview.Overview;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundState;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.RulePreset;

/** Staff run rounds from their pages: create with a rule, extend, remind, cancel, enter ballots, close, export, ledger. */
@EmbeddedDemoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundPagesTest {

    @Autowired
    WebApplicationContext context;
    @Autowired
    ConsoleWorld world;
    @Autowired
    Rounds rounds;
    @Autowired
    Overview overview;
    @Autowired
    RecordingOfflineBallot offline;
    @Autowired
    Ledger ledger;

    ConsoleWorld.Place place;
    ConsoleClient staff;

    @BeforeAll
    void signIn() throws Exception {
        place = world.place(4);
        staff = new ConsoleClient(context).signInFirstTime(place.account(ConsoleRole.STAFF));
    }

    @Test
    void theFormDraftsAndOpensAPollWithTheChosenRuleOptionsAndReminders() throws Exception {
        MvcResult created = staff.post(rounds(), Map.of("kind", "POLL", "title", "选物业公司", "groupId", group(),
                "closingAt", "2099-03-01T18:00", "options", "甲公司\n乙公司\n丙公司", "maxChoices", "1",
                "preset", "CIVIL_CODE_ORDINARY", "reminders", "48, 3", "secret", "true", "openNow", "true"));

        Round round = latest();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo(rounds() + "/" + round.id());
        assertThat(round.state()).isEqualTo(RoundState.OPEN);
        assertThat(round.rulePreset()).isEqualTo(RulePreset.CIVIL_CODE_ORDINARY);
        assertThat(round.secret()).isTrue();
        assertThat(round.reminderOffsets()).isEqualTo("2880,180");
        assertThat(rounds.options(round.id())).extracting(o -> o.label()).containsExactly("甲公司", "乙公司", "丙公司");
        String page = staff.get(rounds() + "/" + round.id()).getResponse().getContentAsString();
        assertThat(page).contains("民法典第278条一般事项", "三分之二", "不记名表决：截止前不显示票数", "0</span> /");
    }

    @Test
    void aRefusedFormSaysWhyInPlainWordsAndKeepsWhatWasTyped() throws Exception {
        MvcResult refused = staff.post(rounds(), Map.of("kind", "POLL", "title", "只有一个选项", "groupId", group(),
                "closingAt", "2099-03-01T18:00", "options", "唯一", "preset", "SIMPLE_MAJORITY", "openNow", "true"));

        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString()).contains("选项不对：自定义选项要 2 到 10 个", "只有一个选项");
        assertThat(overview.rounds(place.id(), 100)).noneMatch(r -> r.title().equals("只有一个选项"));
    }

    @Test
    void extendRemindAndCancelGoThroughTheRoundsUseCases() throws Exception {
        Round poll = world.openPoll(place, "加装扶手", false);
        String page = rounds() + "/" + poll.id();

        staff.post(page + "/extend", Map.of("closingAt", "2099-05-01T10:00", "reason", "参与户数不足"));
        assertThat(rounds.find(poll.id()).orElseThrow().closingAt()).isAfter(poll.closingAt());
        MvcResult reminded = staff.post(page + "/remind", Map.of());
        assertThat(reminded.getFlashMap().get("notice")).isEqualTo("已在群里提醒 4 户未回复的住户。");
        MvcResult noReason = staff.post(page + "/cancel", Map.of("reason", " "));
        assertThat(noReason.getFlashMap().get("problem")).isEqualTo("请写明原因。");
        staff.post(page + "/cancel", Map.of("reason", "业委会另行讨论"));
        assertThat(rounds.find(poll.id()).orElseThrow().state()).isEqualTo(RoundState.CANCELLED);
    }

    @Test
    void aSecretPollsExportAndPagesNeverShowWhoChoseWhat() throws Exception {
        Round secret = world.openPoll(place, "不记名表决", true);
        staff.post(rounds() + "/" + secret.id() + "/ballots", Map.of("householdId",
                "" + place.households().get(0).id(), "choice", "B", "how", "PHONE", "evidence", "电话 13:05"));
        staff.post(rounds() + "/" + secret.id() + "/close", Map.of());

        List<List<String>> rows = export(secret);
        assertThat(rows.get(1)).startsWith("1-1-101").contains("是", "电话");
        assertThat(rows).allSatisfy(row -> assertThat(row).doesNotContain("B 反对", "B"));
        String page = staff.get(rounds() + "/" + secret.id()).getResponse().getContentAsString();
        assertThat(page).contains("未通过").doesNotContain(">B<");
        Round open = world.openPoll(place, "记名表决", false);
        offline.record(open.id(), place.households().get(1).id(), List.of("B"), OfflineKind.PAPER, "纸质票 7",
                ConsoleWorld.SETUP).orElseThrow();
        assertThat(export(open).get(2)).startsWith("1-1-102").contains("B 反对", "纸质票");
    }

    @Test
    void staffMarkTheLedgerOfAMetCostSharePaidThenRefundedWithWhoAndWhen() throws Exception {
        Round share = world.openCostShare(place, "加装门禁", 20_000);
        for (var household : place.households()) {
            staff.post(rounds() + "/" + share.id() + "/ballots", Map.of("householdId", "" + household.id(),
                    "choice", "A", "how", "PAPER", "evidence", "签字确认单"));
        }
        staff.post(rounds() + "/" + share.id() + "/close", Map.of());
        long first = place.households().get(0).id();
        String ledgerPage = rounds() + "/" + share.id() + "/ledger";

        staff.post(ledgerPage + "/" + first, Map.of("status", "PAID"));
        MvcResult twice = staff.post(ledgerPage + "/" + first, Map.of("status", "PAID"));
        assertThat(twice.getFlashMap().get("problem")).isEqualTo("1-1-101 现在是 已缴，不能改为 已缴。");
        staff.post(ledgerPage + "/" + first, Map.of("status", "REFUNDED", "note", "工程取消"));

        var line = ledger.line(share.id(), first).orElseThrow();
        assertThat(line.status()).isEqualTo(LedgerStatus.REFUNDED);
        assertThat(line.paidBy()).contains(place.account(ConsoleRole.STAFF).account().displayName());
        assertThat(line.note()).isEqualTo("工程取消");
        assertThat(staff.get(ledgerPage).getResponse().getContentAsString()).contains("合计 800 元", "已退", "待缴");
    }

    private List<List<String>> export(Round round) throws Exception {
        MvcResult file = staff.get(rounds() + "/" + round.id() + "/export.xlsx");
        assertThat(file.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.getResponse().getContentAsByteArray()))) {
            DataFormatter text = new DataFormatter();
            workbook.getSheet("各户").forEach(row -> {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(text.formatCellValue(cell)));
                rows.add(cells);
            });
        }
        return rows;
    }

    private Round latest() {
        return overview.rounds(place.id(), 1).get(0);
    }

    private String rounds() {
        return "/admin/c/" + place.id() + "/rounds";
    }

    private String group() {
        return Long.toString(place.group().id());
    }
}
