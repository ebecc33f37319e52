package org.yunxie.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.bot.browser.Chromium;

/** The sandbox page in a real browser: pick a resident in a group window, type, and read the bot's answer. */
@EmbeddedDemoTest
class SandboxPageTest {

    @LocalServerPort
    int port;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aResidentVotesFromTheGroupWindowAndReadsTheReadBack() throws Exception {
        browser = Chromium.start(1400, 1000);
        browser.get("http://127.0.0.1:" + port + "/sandbox");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        WebElement group = wait.until(driver -> driver.findElements(By.cssSelector("section.chat")).stream()
                .filter(chat -> chat.findElement(By.tagName("h2")).getText().contains("8号楼邻里群")).findFirst()
                .orElse(null));

        new Select(group.findElement(By.cssSelector("select.speaker"))).selectByValue("demo.xuling");
        send(group, "#列表");
        wait.until(driver -> lastBotLine(group).contains("进行中的协商"));
        send(group, "＃２　同意");
        wait.until(driver -> lastBotLine(group).startsWith("已记录：8-1-201 在 #2 选择「同意」")
                || lastBotLine(group).startsWith("已改为：8-1-201 在 #2 选择「同意」"));

        assertThat(lastBotLine(group)).matches("已(记录|改为)：8-1-201 在 #2 选择「同意」，回执 [2-9A-HJ-NP-Z]{4}");
        assertThat(group.findElements(By.cssSelector(".line.person .bubble")).stream().map(WebElement::getText))
                .contains("#列表", "＃２　同意");
        Path shot = Path.of("target", "sandbox-page.png");
        Files.write(shot, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static void send(WebElement group, String text) {
        WebElement input = group.findElement(By.cssSelector("input.text"));
        input.clear();
        input.sendKeys(text);
        group.findElement(By.cssSelector("button.send")).click();
    }

    private static String lastBotLine(WebElement group) {
        var lines = group.findElements(By.cssSelector(".line.bot .bubble"));
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).getText();
    }
}
