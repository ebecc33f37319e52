package org.yunxie.bot.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The MariaDB and Redis that scripts/dev-services started for the harness: stopped one at a time by the
 * PID in its pid file (the harness's own servers, on their own ports and folder), started again through
 * the same script. Plus a few bare Redis commands for the harness's checks.
 */
final class Services {

    private final Path script;
    private final Path dir;
    private final Map<String, String> env;
    private final int redisPort;

    Services(Path script, Path dir, int dbPort, int redisPort) {
        this.script = script;
        this.dir = dir;
        this.redisPort = redisPort;
        this.env = Map.of("YUNXIE_SERVICES_DIR", dir.toString(), "YUNXIE_DB_PORT", Integer.toString(dbPort),
                "YUNXIE_REDIS_PORT", Integer.toString(redisPort));
    }

    /** Redis stops cleanly (SIGTERM); with --save '' it comes back empty. */
    void stopRedis() throws Exception {
        stop(pid("redis.pid"), false);
    }

    /** MariaDB is killed (SIGKILL): the harsher outage, and InnoDB's recovery must keep every commit. */
    void killDb() throws Exception {
        stop(pid("mariadb.pid"), true);
    }

    /** Starts whatever of the two is not running; returns how long it took. */
    Duration start() throws Exception {
        long start = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "start").redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("dev-services start failed: " + output);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    long pid(String file) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve(file)).strip());
    }

    private static void stop(long pid, boolean kill) throws Exception {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty()) {
            return;
        }
        if (kill) {
            handle.get().destroyForcibly();
        } else {
            handle.get().destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (handle.get().isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    /** A Redis command's reply as text, or null when Redis does not answer. */
    String redis(String... command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", redisPort), 500);
            socket.setSoTimeout(2_000);
            StringBuilder request = new StringBuilder("*" + command.length + "\r\n");
            for (String part : command) {
                request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part)
                        .append("\r\n");
            }
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            String first = line(in);
            if (first.startsWith("$")) {
                int length = Integer.parseInt(first.substring(1));
                if (length < 0) {
                    return "";
                }
                byte[] data = in.readNBytes(length + 2);
                return new String(data, 0, length, StandardCharsets.UTF_8);
            }
            return first.substring(1);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** INFO's numeric fields of a section. */
    Map<String, Long> redisInfo(String section) {
        Map<String, Long> values = new HashMap<>();
        String info = redis("INFO", section);
        if (info == null) {
            return values;
        }
        for (String line : info.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String value = line.substring(colon + 1);
                if (value.startsWith("calls=")) {
                    value = value.substring(6, value.indexOf(','));
                }
                try {
                    values.put(line.substring(0, colon), Long.parseLong(value));
                } catch (NumberFormatException ignored) {
                    // not a counter
                }
            }
        }
        return values;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
