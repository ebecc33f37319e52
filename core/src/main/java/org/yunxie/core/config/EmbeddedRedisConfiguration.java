package org.yunxie.core.config;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import redis.embedded.Redis;
import redis.embedded.RedisInstance;
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

    @Bean(destroyMethod = "close")
    StoppedBySpring embeddedRedisServer(@Value("${yunxie.redis.embedded-port:0}") int configuredPort)
            throws IOException {
        int port = configuredPort > 0 ? configuredPort : freePort();
        List<String> command = RedisServer.newRedisServer().bind("127.0.0.1").port(port)
                .setting("save \"\"").setting("appendonly no").setting("maxmemory 64mb")
                .setting("maxmemory-policy allkeys-lru")
                .buildCommandArgs();
        StoppedBySpring server = new StoppedBySpring(port, command);
        server.start();
        log.info("Embedded Redis listening on 127.0.0.1:{}", port);
        return server;
    }

    @Bean
    LettuceConnectionFactory redisConnectionFactory(StoppedBySpring embeddedRedisServer) {
        int port = embeddedRedisServer.ports().get(0);
        return new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The library's RedisServer, except that only Spring stops it. start() always registers a JVM shutdown hook
     * ("RedisInstanceCleaner") that calls stop(); running alongside Spring's own hook, it killed Redis at the
     * first moment of a SIGTERM while the context was still closing and the outbox and Lettuce still used it.
     * Spring closes this bean after every bean that depends on the connection factory: that is when Redis goes.
     */
    static final class StoppedBySpring extends RedisInstance implements AutoCloseable {

        private volatile boolean closing;

        StoppedBySpring(int port, List<String> command) {
            super(port, command, Redis.SERVER_READY_PATTERN, false, null, null);
        }

        /** The library's shutdown hook calls this too: ignored until Spring closes the bean. */
        @Override
        public synchronized void stop() throws IOException {
            if (closing) {
                super.stop();
            }
        }

        @Override
        public void close() throws IOException {
            closing = true;
            stop();
        }
    }
}
