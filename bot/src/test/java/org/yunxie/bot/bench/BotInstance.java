package org.yunxie.bot.bench;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One bot under test: {@code java -jar yunxie-bot.jar} as a child process on its own port, working folder
 * and log, with a GC log. Every PID is also written to a file, so that the harness script can stop what is
 * left if the harness itself dies.
 */
final class BotInstance {

    private static final Pattern GC = Pattern.compile(
            "Pause (Young|Full|Remark|Cleanup)[^\\n]*?(\\d+)M->(\\d+)M\\((\\d+)M\\) (\\d+\\.\\d+)ms");

    final String name;
    final int port;
    private final Path jar;
    final Path dir;
    private final Map<String, String> env;
    private final List<String> jvmArgs;
    private final Path pidFile;
    private Process process;
    private long startedNanos;
    private int starts;

    BotInstance(String name, Path jar, Path dir, int port, Map<String, String> env, List<String> jvmArgs,
                Path pidFile) {
        this.name = name;
        this.jar = jar;
        this.dir = dir;
        this.port = port;
        this.env = env;
        this.jvmArgs = jvmArgs;
        this.pidFile = pidFile;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/wecom/robot";
    }

    Path log() {
        return dir.resolve("bot.log");
    }

    Path gcLog() {
        return dir.resolve("gc-" + starts + ".log");
    }

    void start() throws IOException {
        Files.createDirectories(dir);
        starts++;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-Xlog:gc:file=" + gcLog() + ":uptime");
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        // Only what this instance is given: nothing of the harness's own YUNXIE_ or SPRING_ settings.
        builder.environment().keySet().removeIf(key -> key.startsWith("YUNXIE_") || key.startsWith("SPRING_"));
        builder.environment().putAll(env);
        builder.environment().put("YUNXIE_PORT", Integer.toString(port));
        startedNanos = System.nanoTime();
        process = builder.start();
        Files.writeString(pidFile, process.pid() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Waits until the health endpoint answers UP; returns the time since start. */
    Duration awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited during start-up (code " + process.exitValue()
                        + "), see " + log());
            }
            if (healthy()) {
                return Duration.ofNanos(System.nanoTime() - startedNanos);
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + ", see " + log());
    }

    /**
     * Readiness UP: the start is over (on a first start, the demo data seeded) and the database and Redis answer.
     * A build from before the readiness probe (a compared jar) is asked for its health instead.
     */
    boolean healthy() {
        try {
            Answer readiness = get("/actuator/health/readiness");
            Answer answer = readiness.status() == HttpURLConnection.HTTP_NOT_FOUND
                    ? get("/actuator/health") : readiness;
            return answer.status() == 200 && answer.body().contains("UP");
        } catch (IOException e) {
            return false;
        }
    }

    private record Answer(int status, String body) {
    }

    private Answer get(String path) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
        connection.setConnectTimeout(500);
        connection.setReadTimeout(2_000);
        try {
            int status = connection.getResponseCode();
            return new Answer(status, status == 200
                    ? new String(connection.getInputStream().readAllBytes(), StandardCharsets.UTF_8) : "");
        } finally {
            connection.disconnect();
        }
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** SIGKILL, as kill -9: no shutdown hook, nothing finished. */
    void kill9() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and a graceful stop; SIGKILL after 40 s. */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(40, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Resident set size from /proc, in MB (0 when gone). */
    long rssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The GC log of the current start since {@code fromUptimeSeconds}. */
    GcFigures gc(double fromUptimeSeconds) throws IOException {
        Path log = gcLog();
        if (!Files.exists(log)) {
            return new GcFigures(0, 0, 0, 0, 0, 0, 0);
        }
        int pauses = 0;
        int full = 0;
        long maxBefore = 0;
        long maxAfter = 0;
        long maxCommitted = 0;
        double pauseMs = 0;
        double first = -1;
        double last = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher uptime = Pattern.compile("^\\[(\\d+\\.\\d+)s\\]").matcher(line);
            if (!uptime.find()) {
                continue;
            }
            double at = Double.parseDouble(uptime.group(1));
            if (at < fromUptimeSeconds) {
                continue;
            }
            Matcher m = GC.matcher(line);
            if (m.find()) {
                pauses++;
                if (m.group(1).equals("Full")) {
                    full++;
                }
                maxBefore = Math.max(maxBefore, Long.parseLong(m.group(2)));
                maxAfter = Math.max(maxAfter, Long.parseLong(m.group(3)));
                maxCommitted = Math.max(maxCommitted, Long.parseLong(m.group(4)));
                pauseMs += Double.parseDouble(m.group(5));
                first = first < 0 ? at : first;
                last = at;
            }
        }
        return new GcFigures(pauses, full, maxBefore, maxAfter, maxCommitted, pauseMs, Math.max(0, last - first));
    }

    /** Seconds since this start, as the GC log counts them. */
    double uptimeSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    record GcFigures(int pauses, int fullPauses, long maxUsedBeforeMb, long maxUsedAfterMb, long maxCommittedMb,
                     double pauseMs, double spanSeconds) {
    }
}
