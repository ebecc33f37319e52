package org.yunxie.bot.h5;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.bot.sandbox.SandboxClient;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.ballot.OfflineKind;
import org.yunxie.core.ballot.RecordingOfflineBallot;
import org.yunxie.core.costshare.Ledger;
import org.yunxie.core.costshare.LedgerLine;
import org.yunxie.core.costshare.LedgerStatus;
import org.yunxie.core.costshare.RecordingPayment;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.roster.BindingCode;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.IssuingBindingCode;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;

/**
 * The landlord who lives in another city and is in no group, end to end over the real formats: the official
 * account's notice with a signed link, WeChat's OAuth2 (played by the sandbox), binding with the code the
 * tenant passed on, confirming 200 yuan on a phone-sized page, the receipt, the group seeing the coverage
 * rise, the ledger after close, staff marking the share paid.
 */
@EmbeddedDemoTest
@TestPropertySource(properties = {"yunxie.jobs.outbox-interval=500ms",
        // A database of its own: this test closes the demo cost share, which other demo tests look at.
        "spring.datasource.url=jdbc:h2:mem:bot-landlord-flow;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1"})
@DirtiesContext
class LandlordFlowTest {

    private static final Actor STAFF = Actor.staff("test", "社工李娟");

    @LocalServerPort
    int port;
    @Autowired
    Roster roster;
    @Autowired
    Rounds rounds;
    @Autowired
    IssuingBindingCode issuing;
    @Autowired
    ClosingRound closing;
    @Autowired
    Ledger ledger;
    @Autowired
    RecordingPayment payments;
    @Autowired
    RecordingOfflineBallot offline;
    @Autowired
    Ballots ballots;

    @Test
    void aLandlordLivingElsewhereConfirmsTheDoorAccessFeeFromALink() throws Exception {
        SandboxClient sandbox = new SandboxClient(port);
        long community = roster.communities().get(0).id();
        Round doorAccess = rounds.findByNumber(community, 1).orElseThrow();
        long group7 = sandbox.group("7号楼业主群").path("id").asLong();

        JsonNode notice = sandbox.await("wx:oQx7d0DemoLandlord72301",
                line -> line.path("text").asText().startsWith("#1 费用分摊开始"));
        assertThat(notice.path("link").asText()).contains("/h5/r/" + doorAccess.id() + "?exp=");

        Household flat = roster.household(community, "7-4-302").orElseThrow();
        BindingCode code = issuing.issue(flat.id(), MemberRole.LANDLORD, Duration.ofDays(7), STAFF, Channel.CONSOLE)
                .orElseThrow();
        String link = sandbox.say(group7, "demo.lijuan", "社工李娟", "#链接 1").replaceAll("(?s).*\\n", "").strip();

        String readBack;
        try (Phone phone = new Phone()) {
            phone.openAsNewWeChatUser(link);
            phone.bind(code.code());
            assertThat(phone.browser.findElement(By.cssSelector(".share")).getText()).isEqualTo("本户分摊 200 元");
            phone.tap("确认");
            readBack = phone.until(text -> text.startsWith("已记录：7-4-302 确认 #1"));
            Files.write(Path.of("target", "landlord-phone.png"),
                    ((TakesScreenshot) phone.browser).getScreenshotAs(OutputType.BYTES));
        }
        assertThat(readBack).matches("已记录：7-4-302 确认 #1「7号楼加装门禁, 每户200元」，本户分摊 200 元，"
                + "回执 [2-9A-HJ-NP-Z]{4}。目前已确认 \\d+/48 户。");

        String confirmed = readBack.replaceAll(".*目前已确认 (\\d+)/48 户。", "$1");
        sandbox.await("group:" + group7, line -> line.path("text").asText()
                .startsWith("#1 7号楼加装门禁, 每户200元：已确认 " + confirmed + "/48 户"));

        // Enough paper confirmations reach the building's 60% rule (29 of 48), as staff would enter them.
        int more = 29 - Integer.parseInt(confirmed);
        for (var household : rounds.roll(doorAccess.id())) {
            if (more > 0 && ballots.ownChoice(doorAccess, household.householdId()).isEmpty()) {
                offline.record(doorAccess.id(), household.householdId(), java.util.List.of("A"), OfflineKind.PAPER,
                        "纸质确认单", STAFF).orElseThrow();
                more--;
            }
        }
        assertThat(closing.close(doorAccess.id(), STAFF, Channel.CONSOLE).orElseThrow().passed()).isTrue();
        LedgerLine line = ledger.line(doorAccess.id(), flat.id()).orElseThrow();
        assertThat(line.status()).isEqualTo(LedgerStatus.PLEDGED);
        assertThat(line.confirmed()).isTrue();
        assertThat(line.amountFen()).isEqualTo(20_000);

        LedgerLine paid = payments.record(doorAccess.id(), flat.id(), LedgerStatus.PAID, "微信转账", STAFF,
                Channel.CONSOLE).orElseThrow();
        assertThat(paid.status()).isEqualTo(LedgerStatus.PAID);
        assertThat(paid.paidBy()).isEqualTo(STAFF.label());
    }
}
