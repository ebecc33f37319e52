package org.yunxie.bot.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for page tests, driven by Debian's chromedriver (nothing is downloaded). Where
 * Chromium is not installed the test is skipped with a message, unless YUNXIE_REQUIRE_CHROMIUM=true (as
 * in CI), where its absence fails the test.
 */
public final class Chromium {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    public static WebDriver start(int width, int height) {
        boolean present = Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
        if (!present && "true".equals(System.getenv("YUNXIE_REQUIRE_CHROMIUM"))) {
            throw new IllegalStateException("Chromium is required here (YUNXIE_REQUIRE_CHROMIUM=true) but "
                    + BROWSER + " or " + DRIVER + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "Chromium page test skipped: install the Debian packages chromium and "
                + "chromium-driver to run it");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER.toString())).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        return driver;
    }
}
