package org.yunxie.bot.h5;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.yunxie.bot.browser.Chromium;

/** A resident's phone: headless Chromium at a phone's size, opening links as WeChat's browser would. */
final class Phone implements AutoCloseable {

    final WebDriver browser = Chromium.start(390, 844);
    /** A page that re-renders (after a tap) can replace an element between finding and reading it: look again. */
    private final WebDriverWait wait = (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(20))
            .ignoring(StaleElementReferenceException.class);

    /** Opens a link as a WeChat user not yet known here, through the OAuth2 page the sandbox plays. */
    void openAsNewWeChatUser(String link) {
        browser.get(link);
        wait.until(page -> !page.findElements(By.linkText("新的微信用户（未绑定）")).isEmpty());
        browser.findElement(By.linkText("新的微信用户（未绑定）")).click();
        wait.until(page -> !page.findElements(By.cssSelector("input.code")).isEmpty());
    }

    /** Binds a home with its code on the page and waits for the read-back. */
    void bind(String code) {
        browser.findElement(By.cssSelector("input.code")).sendKeys(code);
        browser.findElement(By.cssSelector(".bind button")).click();
        until(notice -> notice.startsWith("绑定成功"));
    }

    void tap(String buttonText) {
        browser.findElement(By.xpath("//button[text()='" + buttonText + "']")).click();
    }

    /** Waits until the page's read-back says what is expected, and returns it. */
    String until(java.util.function.Predicate<String> expected) {
        return wait.until(page -> {
            String notice = notice();
            return expected.test(notice) ? notice : null;
        });
    }

    String notice() {
        var notices = browser.findElements(By.cssSelector(".notice"));
        return notices.isEmpty() ? "" : notices.get(0).getText();
    }

    void waitFor(By element) {
        wait.until(page -> !page.findElements(element).isEmpty());
    }

    @Override
    public void close() {
        browser.quit();
    }
}
