package org.yunxie.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * In CI the suite must run on the real servers it was given, never quietly on the embedded ones: this
 * fails the run when YUNXIE_REQUIRE_REAL_SERVICES is set and the tests ended up elsewhere.
 */
@SpringBootTest
@EnabledIfEnvironmentVariable(named = "YUNXIE_REQUIRE_REAL_SERVICES", matches = "true")
class RealServicesTest {

    @Autowired
    DataSource dataSource;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    ApplicationContext context;

    @Test
    void theSuiteRunsOnMySqlOrMariaDb() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName()
                    + " " + connection.getMetaData().getDatabaseProductVersion();
            assertThat(product).containsAnyOf("MySQL", "MariaDB");
        }
    }

    @Test
    void theSuiteRunsOnTheGivenRedisNotAnEmbeddedOne() {
        assertThat(context.getBeanNamesForType(redis.embedded.Redis.class)).isEmpty();
        assertThat(redis.getConnectionFactory().getConnection().ping()).isEqualTo("PONG");
    }
}
