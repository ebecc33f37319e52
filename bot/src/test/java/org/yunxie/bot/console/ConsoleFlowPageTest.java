package org.yunxie.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.bot.browser.Chromium;
import org.yunxie.core.account.ConsoleRole;
import org.yunxie.core.ballot.BallotRequest;
import org.yunxie.core.ballot.CastingBallot;
import org.yunxie.core.roster.BindingMember;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.roster.IssuingBindingCode;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.shared.Channel;

/**
 * A community worker's first consultation in a real browser (headless Chromium): sign in and set a password,
 * import a roster file with one bad row and read the report, open a poll, watch the coverage meter move when
 * a resident's ballot arrives from the bot, enter a paper ballot with its photo, close the round, and download
 * the export with the households' answers in it.
 */
@EmbeddedDemoTest
class ConsoleFlowPageTest {

    @LocalServerPort
    int port;
    @Autowired
    ConsoleWorld world;
    @Autowired
    IssuingBindingCode issuing;
    @Autowired
    BindingMember binding;
    @Autowired
    CastingBallot casting;
    @Autowired
    Rounds rounds;

    private WebDriver browser;

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aWorkerRunsAPollFromRosterToExport() throws Exception {
        browser = Chromium.start(1280, 1000);
        ConsoleWorld.Place place = world.place(2);
        var staff = place.account(ConsoleRole.STAFF);
        // A form posted reloads the page: an element found just before the reload is stale when read.
        WebDriverWait wait = (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(30))
                .ignoring(StaleElementReferenceException.class);
        String base = "http://127.0.0.1:" + port;

        browser.get(base + "/admin/login");
        browser.findElement(By.name("username")).sendKeys(staff.account().username());
        browser.findElement(By.name("password")).sendKeys(staff.password());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(driver -> driver.getCurrentUrl().endsWith("/admin/password"));
        browser.findElement(By.name("current")).sendKeys(staff.password());
        browser.findElement(By.name("chosen")).sendKeys(ConsoleClient.PASSWORD);
        browser.findElement(By.name("repeated")).sendKeys(ConsoleClient.PASSWORD);
        browser.findElement(By.cssSelector("form.stack button")).click();
        wait.until(driver -> driver.getCurrentUrl().endsWith("/admin/c/" + place.id()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo(place.community().name());

        Path roster = Files.createTempFile("roster", ".csv");
        Files.writeString(roster, "楼栋,户号,面积,状态,联系人\n1号楼,1-1-101,81,,\n1号楼,1-1-201,90.5,,张三 业主\n"
                + "1号楼,1-1-202,92,,\n1号楼,12,88,,\n1号楼,1-1-203,70,未售,\n", StandardCharsets.UTF_8);
        browser.get(base + "/admin/c/" + place.id() + "/roster");
        browser.findElement(By.cssSelector("#import-form input[type=file]")).sendKeys(roster.toString());
        browser.findElement(By.cssSelector("#import-form button")).click();
        wait.until(driver -> !driver.findElements(By.id("import-summary")).isEmpty());
        assertThat(browser.findElement(By.id("import-problems")).getText()).contains("5", "户号“12”不对");
        assertThat(browser.findElement(By.id("import-summary")).getText()).startsWith("可导入 4 行：新增 3 户");
        shot("console-import-report.png");
        browser.findElement(By.id("apply-import")).click();
        wait.until(driver -> !driver.findElements(By.id("import-result")).isEmpty());
        assertThat(browser.findElement(By.id("import-result")).getText()).contains("新增 3 户", "发绑定码 1 个");

        browser.get(base + "/admin/c/" + place.id() + "/rounds/new");
        browser.findElement(By.name("title")).sendKeys("楼道加装声控灯");
        browser.findElement(By.cssSelector("#new-round button[type=submit]")).click();
        wait.until(driver -> !driver.findElements(By.id("round-state")).isEmpty());
        assertThat(browser.findElement(By.id("round-state")).getText()).isEqualTo("进行中");
        assertThat(browser.findElement(By.id("covered-households")).getText()).isEqualTo("0");
        Round poll = rounds.openInCommunity(place.id()).stream().filter(r -> r.title().equals("楼道加装声控灯"))
                .findFirst().orElseThrow();
        assertThat(rounds.roll(poll.id())).hasSize(4);

        long resident = bindResident(place.households().get(0).id());
        casting.cast(new BallotRequest(poll.id(), resident, null, List.of("A"), Channel.WECOM_ROBOT)).orElseThrow();
        wait.until(driver -> driver.findElement(By.id("covered-households")).getText().equals("1"));
        assertThat(browser.findElement(By.id("households-meter")).getAttribute("value")).isEqualTo("1");

        Path photo = Files.createTempFile("paper", ".jpg");
        Files.write(photo, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'});
        new Select(browser.findElement(By.name("householdId"))).selectByVisibleText("1-1-201");
        browser.findElement(By.cssSelector("#offline-form input[name=choice][value=B]")).click();
        browser.findElement(By.name("evidence")).sendKeys("纸质票第 3 号，存居委会");
        browser.findElement(By.name("photo")).sendKeys(photo.toString());
        browser.findElement(By.cssSelector("#offline-form button")).click();
        wait.until(driver -> driver.findElement(By.cssSelector("p.notice")).getText().startsWith("已录入：1-1-201"));
        assertThat(browser.findElement(By.id("covered-households")).getText()).isEqualTo("2");
        shot("console-round-open.png");

        browser.findElement(By.cssSelector("#close-form button")).click();
        wait.until(driver -> driver.findElement(By.id("round-state")).getText().equals("已截止"));
        assertThat(browser.findElement(By.id("outcome")).getText()).startsWith("未通过").contains("参与 2/4 户");
        shot("console-round-closed.png");

        List<List<String>> rows = export(base + "/admin/c/" + place.id() + "/rounds/" + poll.id() + "/export.xlsx");
        assertThat(rows.get(0)).startsWith("户号", "楼栋", "面积（㎡）", "已回复", "方式");
        assertThat(rows).hasSize(5);
        assertThat(rows.get(1)).startsWith("1-1-101").contains("是", "群机器人", "A 同意");
        assertThat(rows.get(2)).startsWith("1-1-102").contains("否").doesNotContain("A 同意", "B 反对");
        assertThat(rows.get(3)).startsWith("1-1-201").contains("是", "纸质票", "B 反对");
    }

    private long bindResident(long householdId) {
        String code = issuing.issue(householdId, MemberRole.OWNER, Duration.ofDays(1), ConsoleWorld.SETUP,
                Channel.CONSOLE).orElseThrow().code();
        return binding.bind(new ChatIdentity(IdentityKind.WECOM_USER, "flow-" + System.nanoTime()), "居民", code,
                Channel.WECOM_ROBOT).orElseThrow().memberId();
    }

    /** Downloads with the browser's session, as clicking the export link does, and reads the households sheet. */
    private List<List<String>> export(String url) throws Exception {
        String session = browser.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Cookie", "JSESSIONID=" + session).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheet("各户");
            DataFormatter text = new DataFormatter();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(text.formatCellValue(cell)));
                rows.add(cells);
            }
        }
        return rows;
    }

    private void shot(String name) throws Exception {
        Files.write(Path.of("target", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
