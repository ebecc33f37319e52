package org.yunxie.bot.bench;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.yunxie.core.outbox.OutboxPublisher;

/**
 * The consultation core alone, inside the harness: its use cases open the rounds the load runs on, and its
 * counting is what the tally benchmark times. No web server, no scheduler (the bots under test run the
 * jobs), nothing published.
 *
 * <p>Deliberately not a {@code @Configuration}: the bot's tests scan all of {@code org.yunxie}, and this
 * class must not join their application contexts.
 */
@EnableAutoConfiguration(exclude = QuartzAutoConfiguration.class)
@ComponentScan("org.yunxie.core")
class CoreContext {

    @Bean
    OutboxPublisher harnessPublishesNothing() {
        return message -> {
            throw new IllegalStateException("the harness's core context does not publish");
        };
    }

    static ConfigurableApplicationContext start(String jdbcUrl, String user, String password, String redisUrl,
                                                String sealKey) {
        SpringApplication application = new SpringApplication(CoreContext.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        return application.run(
                // The server profile too, for its driver options: the core context's reads (the tally) then cost
                // what they cost in the bot.
                "--spring.profiles.active=server,load-harness",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password,
                "--spring.datasource.hikari.maximum-pool-size=8",
                "--spring.data.redis.url=" + redisUrl,
                "--yunxie.redis.url=" + redisUrl,
                "--yunxie.redis.embedded=false",
                "--yunxie.ballot.seal-key=" + sealKey,
                "--logging.level.root=WARN",
                "--logging.level.org.flywaydb=INFO");
    }
}
