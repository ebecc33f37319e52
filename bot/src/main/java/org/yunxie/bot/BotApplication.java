package org.yunxie.bot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The runnable Yunxie application. It scans all of {@code org.yunxie} so that core's use cases and
 * configuration (mappers, jobs, embedded Redis) and the admin console are hosted here.
 */
@SpringBootApplication(scanBasePackages = "org.yunxie")
public class BotApplication {

    public static void main(String[] args) {
        SpringApplication.run(BotApplication.class, args);
    }
}
