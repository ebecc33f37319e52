package org.yunxie.core.config;

import java.io.IOException;
import java.net.ServerSocket;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import redis.embedded.RedisServer;

/**
 * Starts a Redis inside the application for the embedded profile and for tests, so a first run needs
 * nothing but a JDK. Only when {@code yunxie.redis.embedded=true} and no real Redis is given through
 * {@code yunxie.redis.url} (YUNXIE_REDIS_URL).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "redis.embedded.RedisServer")
@ConditionalOnExpression("${yunxie.redis.embedded:false} and '${yunxie.redis.url:}'.isEmpty()")
class EmbeddedRedisConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRedisConfiguration.class);

    @Bean(destroyMethod = "stop")
    RedisServer embeddedRedisServer(@Value("${yunxie.redis.embedded-port:0}") int configuredPort) throws IOException {
        int port = configuredPort > 0 ? configuredPort : freePort();
        RedisServer server = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("save \"\"").setting("appendonly no").setting("maxmemory 64mb")
                .setting("maxmemory-policy allkeys-lru")
                .build();
        server.start();
        log.info("Embedded Redis listening on 127.0.0.1:{}", port);
        return server;
    }

    @Bean
    LettuceConnectionFactory redisConnectionFactory(RedisServer embeddedRedisServer) {
        int port = embeddedRedisServer.ports().get(0);
        return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
