package org.yunxie.bot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;
import org.yunxie.bot.BotApplication;

class ServerSettingsCheckTest {

    private static final String KEY = "dGVzdC1vbmx5LWJhbGxvdC1zZWFsLWtleS0zMi1ieXRlcw==";

    @Test
    void theServerProfileRefusesToStartWithoutDatabaseRedisAndKeysNamingEachVariable() {
        // Blank on the command line, so settings in the environment (as in CI) do not count.
        MissingSettingsException missing = catchThrowableOfType(MissingSettingsException.class,
                () -> new SpringApplicationBuilder(BotApplication.class).profiles("server").run(
                        "--yunxie.db.url=", "--yunxie.redis.url=", "--yunxie.ballot.seal-key=", "--yunxie.h5.link-key=",
                        "--server.port=0", "--spring.main.banner-mode=off"));

        assertThat(missing).isNotNull();
        assertThat(missing.problems()).hasSize(4);
        assertThat(String.join("\n", missing.problems()))
                .contains("YUNXIE_DB_URL", "YUNXIE_REDIS_URL", "YUNXIE_BALLOT_SEAL_KEY", "YUNXIE_H5_LINK_KEY");
        assertThat(new MissingSettingsFailureAnalyzer().analyze(missing).getAction()).contains("README.md");
    }

    @Test
    void aSealKeyShorterThan32BytesIsRefused() {
        MockEnvironment environment = complete().withProperty("yunxie.ballot.seal-key", "c2hvcnQ=");

        MissingSettingsException missing = catchThrowableOfType(MissingSettingsException.class,
                () -> ServerSettingsCheck.check(environment));

        assertThat(missing.problems()).singleElement().asString().contains("YUNXIE_BALLOT_SEAL_KEY", "32 bytes");
    }

    @Test
    void allFourSettingsGivenPasses() {
        assertThatCode(() -> ServerSettingsCheck.check(complete())).doesNotThrowAnyException();
    }

    private static MockEnvironment complete() {
        return new MockEnvironment()
                .withProperty("yunxie.db.url", "jdbc:mysql://127.0.0.1:3306/yunxie")
                .withProperty("yunxie.redis.url", "redis://127.0.0.1:6379")
                .withProperty("yunxie.ballot.seal-key", KEY)
                .withProperty("yunxie.h5.link-key", KEY);
    }
}
