package org.yunxie.bot.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunxie.bot.EmbeddedDemoTest;

@EmbeddedDemoTest
class StartupGuideTest {

    @Autowired
    StartupGuide guide;
    @LocalServerPort
    int port;

    @Test
    void pointsANewUserToTheAddressTheOpenRoundsCodesToTryTheConsoleAndTheReadme() {
        String text = String.join("\n", guide.lines());

        assertThat(text).contains("服务地址 http://localhost:" + port + "（健康检查 http://localhost:" + port
                + "/actuator/health");
        assertThat(text).contains("社区「青石巷社区」", "#1 费用分摊：7号楼加装门禁, 每户200元（7号楼业主群，截止 ",
                "#2 表决：8号楼楼道加装扶手，您是否同意？（8号楼邻里群，截止 ");
        assertThat(text).containsPattern("7-3-502（业主）：\\d{8}");
        assertThat(text).contains("http://localhost:" + port + "/h2-console", "README.md",
                "http://localhost:" + port + "/sandbox");
    }
}
