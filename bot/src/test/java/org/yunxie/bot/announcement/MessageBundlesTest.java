package org.yunxie.bot.announcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class MessageBundlesTest {

    @Test
    void everyChineseMessageHasAnEnglishOneAndBack() throws IOException {
        Properties chinese = load("messages.properties");
        Properties english = load("messages_en.properties");

        assertThat(chinese.stringPropertyNames()).isNotEmpty().isEqualTo(english.stringPropertyNames());
    }

    @Test
    void theDefaultBundleIsChinese() throws IOException {
        assertThat(load("messages.properties").getProperty("verdict.PASSED")).isEqualTo("通过");
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource(name).getInputStream(),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
