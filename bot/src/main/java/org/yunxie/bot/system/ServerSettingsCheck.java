package org.yunxie.bot.system;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * In the server profile, refuses to start without a real database, a real Redis, the ballot seal key and the
 * link key,
 * naming every missing setting at once. It runs before any bean is made, so the message comes before a
 * driver or connection error, and no key file is quietly created on one machine of several.
 */
@Component
@Profile("server")
class ServerSettingsCheck implements BeanFactoryPostProcessor, EnvironmentAware {

    private static final int SEAL_KEY_BYTES = 32;

    private Environment environment;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        check(environment);
    }

    static void check(Environment environment) {
        List<String> problems = new ArrayList<>();
        if (blank(environment, "yunxie.db.url")) {
            problems.add("YUNXIE_DB_URL is not set: the JDBC URL of MySQL 8 / MariaDB 10.11, "
                    + "e.g. jdbc:mysql://db:3306/yunxie?useUnicode=true&characterEncoding=utf8");
        }
        if (blank(environment, "yunxie.redis.url")) {
            problems.add("YUNXIE_REDIS_URL is not set: the Redis to use, e.g. redis://:password@redis:6379/0");
        }
        if (blank(environment, "yunxie.ballot.seal-key")) {
            problems.add("YUNXIE_BALLOT_SEAL_KEY is not set: Base64 of " + SEAL_KEY_BYTES
                    + " random bytes (openssl rand -base64 32), the same on every instance");
        } else if (!sealKeyValid(environment.getProperty("yunxie.ballot.seal-key"))) {
            problems.add("YUNXIE_BALLOT_SEAL_KEY is not Base64 of at least " + SEAL_KEY_BYTES
                    + " bytes (openssl rand -base64 32)");
        }
        if (blank(environment, "yunxie.h5.link-key")) {
            problems.add("YUNXIE_H5_LINK_KEY is not set: Base64 of " + SEAL_KEY_BYTES
                    + " random bytes that signs the links to the resident pages, the same on every instance");
        } else if (!sealKeyValid(environment.getProperty("yunxie.h5.link-key"))) {
            problems.add("YUNXIE_H5_LINK_KEY is not Base64 of at least " + SEAL_KEY_BYTES + " bytes");
        }
        if (!problems.isEmpty()) {
            throw new MissingSettingsException(problems);
        }
    }

    private static boolean blank(Environment environment, String key) {
        String value = environment.getProperty(key);
        return value == null || value.isBlank();
    }

    private static boolean sealKeyValid(String key) {
        try {
            return Base64.getDecoder().decode(key.strip()).length >= SEAL_KEY_BYTES;
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
