package org.yunxie.core.config;

import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.resource.Delay;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.mybatis.spring.annotation.MapperScan;
import org.mybatis.spring.boot.autoconfigure.ConfigurationCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.data.redis.ClientResourcesBuilderCustomizer;
import org.springframework.boot.autoconfigure.data.redis.LettuceClientConfigurationBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.yunxie.core.shared.InsertedAtCommit;

/**
 * Wires core's storage: mappers (found wherever the hosting application lives), MyBatis settings that
 * let rows map onto records, and the vendor id that picks MySQL- or H2-specific statements.
 */
@Configuration(proxyBeanMethods = false)
@MapperScan(basePackages = "org.yunxie.core", annotationClass = Mapper.class)
@PropertySource("classpath:yunxie-core.properties")
public class CoreConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        // Milliseconds are what DATETIME(3) keeps; MySQL would round finer times, MariaDB truncate them.
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    @Bean
    ConfigurationCustomizer yunxieMyBatisSettings() {
        return configuration -> {
            configuration.setMapUnderscoreToCamelCase(true);
            configuration.setArgNameBasedConstructorAutoMapping(true);
            configuration.setObjectFactory(new ConstructorCachingObjectFactory());
            configuration.getTypeHandlerRegistry().register(ThresholdTypeHandler.class);
            configuration.getTypeHandlerRegistry().register(UtcInstantTypeHandler.class);
            configuration.getTypeAliasRegistry().registerAlias(ParsedOncePerRowCount.ALIAS,
                    ParsedOncePerRowCount.class);
        };
    }

    /** Picked up by MyBatis's auto-configuration, as every {@code Interceptor} bean is. */
    @Bean
    WrittenBeforeQueries writtenBeforeQueries(InsertedAtCommit kept) {
        return new WrittenBeforeQueries(kept);
    }

    /**
     * Redis only speeds things up, so when it is down commands fail at once instead of queueing until
     * a timeout, and callers fall back to the database.
     */
    @Bean
    LettuceClientConfigurationBuilderCustomizer failFastWhenRedisIsDown() {
        return builder -> builder.clientOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .autoReconnect(true)
                .build());
    }

    /**
     * Lettuce reconnects on its own, but by default waits up to 30 s between tries: after an outage of a few
     * seconds the instance would go on without Redis (de-duplication, pending replies, rate limits) for that
     * long. Tries at most every second instead.
     */
    @Bean
    ClientResourcesBuilderCustomizer reconnectToRedisSoon() {
        return builder -> builder.reconnectDelay(Delay.exponential(Duration.ofMillis(50), Duration.ofSeconds(1),
                2, TimeUnit.MILLISECONDS));
    }

    @Bean
    DatabaseIdProvider databaseIdProvider() {
        Properties vendors = new Properties();
        vendors.setProperty("H2", "h2");
        vendors.setProperty("MySQL", "mysql");
        vendors.setProperty("MariaDB", "mysql");
        VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
        provider.setProperties(vendors);
        return provider;
    }
}
