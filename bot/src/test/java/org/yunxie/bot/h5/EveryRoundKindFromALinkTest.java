package org.yunxie.bot.h5;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.bot.browser.Chromium;
import org.yunxie.bot.sandbox.SandboxClient;
import org.yunxie.core.roster.IssuingBindingCode;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;

/**
 * A resident with only personal WeChat takes part in a poll and a proposal call from links, on a phone:
 * binds once, votes, proposes, and a neighbour supports the proposal.
 */
@EmbeddedDemoTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:bot-every-kind;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
        + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1")
@DirtiesContext
class EveryRoundKindFromALinkTest {

    @LocalServerPort
    int port;
    @Autowired
    Roster roster;
    @Autowired
    IssuingBindingCode issuing;

    private WebDriver phone;

    @AfterEach
    void closeBrowser() {
        if (phone != null) {
            phone.quit();
        }
    }

    @Test
    void aResidentOnPersonalWeChatVotesAndProposesFromLinks() {
        SandboxClient sandbox = new SandboxClient(port);
        long group8 = sandbox.group("8号楼邻里群").path("id").asLong();
        String launched = sandbox.say(group8, "demo.lijuan", "社工李娟", "#发起 征集 8号楼改造建议 附议1");
        String call = launched.replaceAll("^已发起 #(\\d+).*$", "$1");
        String pollLink = linkOf(sandbox.say(group8, "demo.lijuan", "社工李娟", "#链接 2"));
        String callLink = linkOf(sandbox.say(group8, "demo.lijuan", "社工李娟", "#链接 " + call));
        long community = roster.communities().get(0).id();
        String code = issuing.issue(roster.household(community, "8-1-401").orElseThrow().id(), MemberRole.OWNER,
                Duration.ofDays(1), Actor.staff("test", "社工"), Channel.CONSOLE).orElseThrow().code();

        phone = Chromium.start(390, 844);
        WebDriverWait wait = new WebDriverWait(phone, Duration.ofSeconds(20));
        phone.get(pollLink);
        wait.until(page -> !page.findElements(By.linkText("新的微信用户（未绑定）")).isEmpty());
        phone.findElement(By.linkText("新的微信用户（未绑定）")).click();
        wait.until(page -> !page.findElements(By.cssSelector("input.code")).isEmpty());
        phone.findElement(By.cssSelector("input.code")).sendKeys(code);
        phone.findElement(By.cssSelector(".bind button")).click();
        wait.until(page -> notice(page).startsWith("绑定成功：您已绑定 8-1-401"));

        phone.findElement(By.xpath("//button[text()='同意']")).click();
        wait.until(page -> notice(page).startsWith("已记录：8-1-401 在 #2 选择「同意」，回执 "));

        phone.get(callLink);
        wait.until(page -> !page.findElements(By.cssSelector(".proposals textarea")).isEmpty());
        phone.findElement(By.cssSelector(".proposals textarea")).sendKeys("楼道装声控灯，晚上太黑！");
        phone.findElement(By.xpath("//button[text()='提交提案']")).click();
        wait.until(page -> notice(page).startsWith("已收到 8-1-401 的提案 P1（#" + call + "）"));
        assertThat(phone.findElement(By.cssSelector(".proposal")).getText()).contains("P1", "楼道装声控灯，晚上太黑！");

        assertThat(sandbox.say(group8, "demo.xuling", "徐玲", "#附议 P1")).isEqualTo("已附议 P1，目前共 1 户附议。");
        phone.navigate().refresh();
        wait.until(page -> page.findElement(By.cssSelector(".supports")).getText().equals("1 户附议"));
    }

    private static String linkOf(String reply) {
        return reply.replaceAll("(?s).*\\n", "").strip();
    }

    private static String notice(WebDriver page) {
        var notices = page.findElements(By.cssSelector(".notice"));
        return notices.isEmpty() ? "" : notices.get(0).getText();
    }
}
