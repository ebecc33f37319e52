package org.yunxie.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The console's texts: Chinese by default, every key in English too, and every key a page names exists. */
class ConsoleBundlesTest {

    private static final Pattern KEY = Pattern.compile("#\\{(console\\.[a-zA-Z0-9_.\\-]+)[}(]");

    @Test
    void everyChineseTextHasAnEnglishOneAndTheDefaultIsChinese() throws IOException {
        Properties chinese = load("i18n/admin.properties");
        Properties english = load("i18n/admin_en.properties");

        assertThat(chinese.stringPropertyNames()).hasSizeGreaterThan(300).isEqualTo(english.stringPropertyNames());
        assertThat(chinese.getProperty("console.login.submit")).isEqualTo("登录");
        assertThat(english.getProperty("console.login.submit")).isEqualTo("Sign in");
    }

    @Test
    void everyFixedKeyThePagesUseIsInTheBundle() throws IOException {
        Properties chinese = load("i18n/admin.properties");
        Set<String> used = new TreeSet<>();
        for (Resource page : new PathMatchingResourcePatternResolver().getResources("classpath:templates/admin/*.html")) {
            Matcher matcher = KEY.matcher(page.getContentAsString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used).allSatisfy(key -> assertThat(chinese).containsKey(key));
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new PathMatchingResourcePatternResolver()
                .getResource("classpath:" + name).getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
