package org.yunxie.admin.security;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * When the application is started for an operator's console command, it starts without its web server,
 * its scheduled jobs, the sandbox and demo data: it only needs the database, and must not take the port
 * of, or do the work of, an instance that is serving.
 */
public class ConsoleCommandEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(ConsoleCommandLine.CREATE)
                || environment.containsProperty(ConsoleCommandLine.RESET)) {
            environment.getPropertySources().addFirst(new MapPropertySource("yunxie-console-command", Map.of(
                    "spring.main.web-application-type", "none",
                    "spring.quartz.auto-startup", "false",
                    "yunxie.demo.enabled", "false",
                    "yunxie.sandbox.enabled", "false")));
        }
    }
}
