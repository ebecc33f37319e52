package org.yunxie.bot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.yunxie.admin.security.ConsoleCommandEnvironment;
import org.yunxie.bot.BotApplication;
import org.yunxie.core.account.Accounts;
import org.yunxie.core.account.ConsoleRole;

/**
 * The operator's command (--yunxie.console.create-admin=NAME) starts the application as
 * ConsoleCommandEnvironment sets it up: no web server, no jobs, no demo data. Everything the application
 * holds must start that way too, or the documented first-administrator command fails on a real install.
 */
class ConsoleCommandStartTest {

    @Test
    void theApplicationStartsWithoutItsWebServerAndTheCommandCreatesTheFirstAdministrator() throws Exception {
        Map<String, Object> properties = new HashMap<>(commandSettings());
        properties.put("spring.datasource.url", "jdbc:h2:mem:console-command;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1");
        properties.put("spring.datasource.username", "sa");
        properties.put("spring.datasource.password", "");
        properties.put("yunxie.redis.embedded", "true");
        properties.put("yunxie.redis.url", "");
        properties.put("yunxie.ballot.seal-key", "dGVzdC1vbmx5LWJhbGxvdC1zZWFsLWtleS0zMi1ieXRlcw==");
        properties.put("yunxie.h5.link-key", "dGVzdC1vbmx5LWxpbmsta2V5LWZvci1zaWduZWQtbGlua3M=");

        // As arguments, like the operator's own: above the profile's files (which switch the demo on).
        String[] arguments = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BotApplication.class)
                .profiles("embedded").run(arguments)) {
            assertThat(context).isNotInstanceOf(WebServerApplicationContext.class);
            Accounts accounts = context.getBean(Accounts.class);
            assertThat(accounts.anyExists()).as("no demo accounts in command mode").isFalse();

            Object command = context.getBean("consoleCommandLine");
            Method run = command.getClass().getDeclaredMethod("run", String.class, String.class, PrintStream.class);
            run.setAccessible(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int status = (int) run.invoke(command, "wangli", null, new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(status).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("console account: wangli");
            assertThat(accounts.byUsername("wangli").orElseThrow().role()).isEqualTo(ConsoleRole.STREET_ADMIN);
        }
    }

    /** What ConsoleCommandEnvironment adds when the command is given, read from the post-processor itself. */
    private static Map<String, Object> commandSettings() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("arguments",
                Map.of("yunxie.console.create-admin", "wangli")));
        new ConsoleCommandEnvironment().postProcessEnvironment(environment, new SpringApplication());
        PropertySource<?> added = environment.getPropertySources().get("yunxie-console-command");
        assertThat(added).as("the command's settings").isNotNull();
        assertThat(added.getProperty("spring.main.web-application-type")).isEqualTo("none");
        return new HashMap<>(((MapPropertySource) added).getSource());
    }
}
