package org.yunxie.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import redis.embedded.Redis;

/**
 * A SIGTERM (what {@code kill <pid>} sends) runs every JVM shutdown hook at once: Redis must go with its bean,
 * not with a hook of its own while the beans that use it are still closing. Needs a JVM of its own to signal.
 */
class EmbeddedRedisShutdownTest {

    private static final String READY = "ready on port ";
    private static final String PROBE = "redis while the context closes: ";

    @Test
    @Timeout(120)
    void onSigtermTheEmbeddedRedisAnswersUntilItsBeanIsDestroyedAndIsNotLeftRunning() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process app = new ProcessBuilder(java, "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "-cp", System.getProperty("java.class.path"), ClosingApp.class.getName())
                .redirectErrorStream(true).start();
        List<ProcessHandle> children = List.of();
        try (var out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.startsWith(READY)) {
                lines.add(line);
            }
            assertThat(line).as("started, output: %s", lines).isNotNull();
            children = app.descendants().toList();
            assertThat(children).as("a redis-server of its own").isNotEmpty();

            app.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the output still to read
            while ((line = out.readLine()) != null) {
                lines.add(line);
            }
            assertThat(app.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(lines).contains(PROBE + "PONG");
            assertThat(children).noneMatch(ProcessHandle::isAlive);
        } finally {
            app.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** The embedded Redis alone, and a bean closed before it (it depends on it) that asks whether Redis answers. */
    static final class ClosingApp {

        public static void main(String[] args) throws InterruptedException {
            var context = new SpringApplicationBuilder(EmbeddedRedisConfiguration.class, ProbeOnClose.class)
                    .web(WebApplicationType.NONE)
                    .run("--yunxie.redis.embedded=true", "--yunxie.redis.url=", "--spring.main.banner-mode=off");
            System.out.println(READY + context.getBean(ProbeOnClose.class).port);
            // Nothing else keeps this JVM up: wait for the signal, as the bot's web server would.
            Thread.currentThread().join();
        }
    }

    static final class ProbeOnClose implements DisposableBean {

        private final int port;

        ProbeOnClose(Redis embeddedRedisServer) {
            this.port = embeddedRedisServer.ports().get(0);
        }

        @Override
        public void destroy() throws InterruptedException {
            // The other shutdown hooks run meanwhile: give one that would stop Redis the time to do it.
            Thread.sleep(1000);
            System.out.println(PROBE + ping());
        }

        private String ping() {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(2000);
                socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                String reply = in.readLine();
                return reply == null ? "closed" : reply.substring(1);
            } catch (IOException e) {
                return e.toString();
            }
        }
    }
}
