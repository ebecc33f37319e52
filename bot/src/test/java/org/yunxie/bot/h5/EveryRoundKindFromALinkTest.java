package org.yunxie.bot.h5;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.yunxie.bot.EmbeddedDemoTest;
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

        try (Phone phone = new Phone()) {
            phone.openAsNewWeChatUser(pollLink);
            phone.bind(code);
            assertThat(phone.notice()).startsWith("绑定成功：您已绑定 8-1-401");
            phone.tap("同意");
            phone.until(notice -> notice.startsWith("已记录：8-1-401 在 #2 选择「同意」，回执 "));

            phone.browser.get(callLink);
            phone.waitFor(By.cssSelector(".proposals textarea"));
            phone.browser.findElement(By.cssSelector(".proposals textarea")).sendKeys("楼道装声控灯，晚上太黑！");
            phone.tap("提交提案");
            phone.until(notice -> notice.startsWith("已收到 8-1-401 的提案 P1（#" + call + "）"));
            assertThat(phone.browser.findElement(By.cssSelector(".proposal")).getText())
                    .contains("P1", "楼道装声控灯，晚上太黑！");

            assertThat(sandbox.say(group8, "demo.xuling", "徐玲", "#附议 P1")).isEqualTo("已附议 P1，目前共 1 户附议。");
            phone.browser.navigate().refresh();
            phone.waitFor(By.xpath("//p[@class='supports' and text()='1 户附议']"));
        }
    }

    private static String linkOf(String reply) {
        return reply.replaceAll("(?s).*\\n", "").strip();
    }
}
