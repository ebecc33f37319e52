package org.yunxie.bot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a request's milliseconds go, from a JFR recording of the bot under load: CPU samples by what the
 * code was doing (crypto, JSON, MyBatis, the JDBC driver, Redis, Tomcat ...), and the time request threads
 * spent waiting: on MariaDB's socket (commits apart), on Redis, for a pooled connection, on locks.
 */
final class JfrSummary {

    /** Waiting for a turn, or, taken up with others, for the group's answer. */
    private static final String TURNS = "turns at the database (AnsweringTurns, AnsweringTogether)";
    private static final String OTHER_SOCKETS = "other sockets (reading the callers' requests, and the rest)";

    /** A custom recording: samples every 10 ms, and every socket read, park and lock, however short. */
    static final String SETTINGS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <configuration version="2.0" label="yunxie-load" description="load harness" provider="yunxie">
              <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
              <event name="jdk.NativeMethodSample"><setting name="enabled">true</setting><setting name="period">20 ms</setting></event>
              <event name="jdk.SocketRead"><setting name="enabled">true</setting><setting name="stackTrace">true</setting><setting name="threshold">0 ms</setting></event>
              <event name="jdk.ThreadPark"><setting name="enabled">true</setting><setting name="stackTrace">true</setting><setting name="threshold">0 ms</setting></event>
              <event name="jdk.JavaMonitorEnter"><setting name="enabled">true</setting><setting name="stackTrace">true</setting><setting name="threshold">0 ms</setting></event>
              <event name="jdk.GarbageCollection"><setting name="enabled">true</setting><setting name="threshold">0 ms</setting></event>
              <event name="jdk.CPULoad"><setting name="enabled">true</setting><setting name="period">1 s</setting></event>
            </configuration>
            """;

    /** Categories of CPU samples, checked from the innermost frame outwards; the first that matches wins. */
    private static final Map<String, List<String>> CATEGORIES = new LinkedHashMap<>();

    static {
        CATEGORIES.put("crypto (AES, SHA-1, SecureRandom)", List.of("javax.crypto.", "com.sun.crypto.",
                "sun.security.", "me.chanjar.weixin.common.util.crypto.", "org.yunxie.bot.channel.CallbackCrypto",
                "java.security."));
        CATEGORIES.put("JSON (Jackson)", List.of("com.fasterxml.jackson."));
        CATEGORIES.put("logging", List.of("ch.qos.logback.", "org.slf4j.", "org.apache.logging."));
        CATEGORIES.put("JDBC driver (Connector/J)", List.of("com.mysql.cj."));
        CATEGORIES.put("connection pool (Hikari)", List.of("com.zaxxer.hikari."));
        CATEGORIES.put("MyBatis", List.of("org.apache.ibatis.", "org.mybatis."));
        CATEGORIES.put("Redis (Lettuce, Netty)", List.of("io.lettuce.", "io.netty.", "org.springframework.data.redis."));
        CATEGORIES.put("transactions (Spring)", List.of("org.springframework.transaction.", "org.springframework.jdbc."));
        CATEGORIES.put("message texts (MessageFormat)", List.of("java.text.", "org.springframework.context.support."));
        CATEGORIES.put("Quartz", List.of("org.quartz."));
        CATEGORIES.put("HTTP (Tomcat, Spring MVC)", List.of("org.apache.catalina.", "org.apache.coyote.",
                "org.apache.tomcat.", "org.springframework.web.", "org.springframework.security.", "jakarta.servlet."));
        CATEGORIES.put("Yunxie code", List.of("org.yunxie."));
        CATEGORIES.put("Spring (other)", List.of("org.springframework."));
    }

    private JfrSummary() {
    }

    static Path writeSettings(Path dir) throws IOException {
        Path file = dir.resolve("yunxie-load.jfc");
        Files.writeString(file, SETTINGS);
        return file;
    }

    record Summary(Map<String, Long> cpuByCategory, long cpuSamples, Map<String, Long> topFrames,
                   Map<String, Long> topYunxieFrames, Map<String, double[]> waits, Map<String, double[]> dbBySite,
                   Map<String, double[]> redisBySite, double seconds, int gcCount,
                   double gcMs, double jvmCpu, double machineCpu) {

        /** Milliseconds per request of a wait, given how many requests the recording covered. */
        double perRequest(String wait, long requests) {
            double[] w = waits.getOrDefault(wait, new double[2]);
            return requests == 0 ? 0 : w[1] / requests;
        }

        double countPerRequest(String wait, long requests) {
            double[] w = waits.getOrDefault(wait, new double[2]);
            return requests == 0 ? 0 : w[0] / requests;
        }
    }

    /**
     * @param requestThreads which threads serve requests (Tomcat's exec threads)
     * @param dbPort         MariaDB's port, to tell its socket reads from others'
     */
    static Summary summarize(Path recording, Predicate<String> requestThreads, int dbPort) throws IOException {
        Map<String, Long> categories = new HashMap<>();
        Map<String, Long> leaves = new HashMap<>();
        Map<String, Long> ours = new HashMap<>();
        Map<String, double[]> waits = new LinkedHashMap<>();
        Map<String, double[]> dbBySite = new HashMap<>();
        Map<String, double[]> redisBySite = new HashMap<>();
        for (String w : List.of("MariaDB: commit", "MariaDB: statements", "Redis (waiting for Lettuce)",
                "pool: waiting for a connection", TURNS,
                "locks (monitor enter)", "other parks")) {
            waits.put(w, new double[2]);
        }
        long samples = 0;
        long first = Long.MAX_VALUE;
        long last = 0;
        int gcCount = 0;
        double gcMs = 0;
        double jvmCpu = 0;
        double machineCpu = 0;
        int cpuReadings = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                String type = event.getEventType().getName();
                long at = event.getStartTime().toEpochMilli();
                first = Math.min(first, at);
                last = Math.max(last, at);
                switch (type) {
                    case "jdk.ExecutionSample" -> {
                        samples++;
                        RecordedStackTrace stack = event.getStackTrace();
                        if (stack == null || stack.getFrames().isEmpty()) {
                            continue;
                        }
                        categories.merge(category(stack.getFrames()), 1L, Long::sum);
                        leaves.merge(frame(stack.getFrames().get(0)), 1L, Long::sum);
                        stack.getFrames().stream().filter(JfrSummary::oursAndTelling).findFirst()
                                .ifPresent(f -> ours.merge(frame(f), 1L, Long::sum));
                    }
                    case "jdk.SocketRead" -> {
                        if (!onRequestThread(event, requestThreads)) {
                            continue;
                        }
                        int port = event.getInt("port");
                        String stack = stackText(event.getStackTrace());
                        if (port == dbPort) {
                            boolean commit = stack.contains("ConnectionImpl.commit");
                            add(waits, commit ? "MariaDB: commit" : "MariaDB: statements", event);
                            add(dbBySite, site(event.getStackTrace()) + (commit ? " [commit]" : ""), event);
                        } else {
                            // Mostly the callers' own connections (one port each): one row, not hundreds.
                            add(waits, OTHER_SOCKETS, event);
                        }
                    }
                    case "jdk.ThreadPark" -> {
                        if (!onRequestThread(event, requestThreads)) {
                            continue;
                        }
                        String stack = stackText(event.getStackTrace());
                        if (stack.contains("org.apache.tomcat.util.threads.TaskQueue")
                                || stack.contains("org.apache.tomcat.util.net")) {
                            continue; // idle, waiting for a request
                        }
                        String key = stack.contains("io.lettuce") ? "Redis (waiting for Lettuce)"
                                : stack.contains("com.zaxxer.hikari") ? "pool: waiting for a connection"
                                : stack.contains("AnsweringTurns") || stack.contains("AnsweringTogether") ? TURNS
                                : "other parks";
                        add(waits, key, event);
                        if (key.startsWith("Redis")) {
                            add(redisBySite, site(event.getStackTrace()), event);
                        }
                    }
                    case "jdk.JavaMonitorEnter" -> {
                        if (onRequestThread(event, requestThreads)) {
                            add(waits, "locks (monitor enter)", event);
                        }
                    }
                    case "jdk.GarbageCollection" -> {
                        gcCount++;
                        gcMs += event.getDuration().toNanos() / 1e6;
                    }
                    case "jdk.CPULoad" -> {
                        jvmCpu += event.getFloat("jvmUser") + event.getFloat("jvmSystem");
                        machineCpu += event.getFloat("machineTotal");
                        cpuReadings++;
                    }
                    default -> {
                    }
                }
            }
        }
        return new Summary(sorted(categories, 20), samples, sorted(leaves, 15), sorted(ours, 15), waits,
                byTime(dbBySite, 25), byTime(redisBySite, 15),
                (last - first) / 1000.0, gcCount, gcMs, cpuReadings == 0 ? 0 : jvmCpu / cpuReadings,
                cpuReadings == 0 ? 0 : machineCpu / cpuReadings);
    }

    /** The innermost Yunxie method on the stack: which use case a wait belongs to. */
    private static String site(RecordedStackTrace stack) {
        if (stack == null) {
            return "?";
        }
        return stack.getFrames().stream().filter(JfrSummary::oursAndTelling).findFirst()
                .map(JfrSummary::frame).orElse("(outside Yunxie code)");
    }

    /** Our frame, but not the MyBatis interceptor every read goes through: the caller says more. */
    private static boolean oursAndTelling(RecordedFrame frame) {
        return type(frame).startsWith("org.yunxie.") && !type(frame).endsWith(".WrittenBeforeQueries");
    }

    private static Map<String, double[]> byTime(Map<String, double[]> waits, int limit) {
        return waits.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue()[1], a.getValue()[1])).limit(limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    private static boolean onRequestThread(RecordedEvent event, Predicate<String> requestThreads) {
        RecordedThread thread = event.getThread();
        return thread != null && thread.getJavaName() != null && requestThreads.test(thread.getJavaName());
    }

    private static void add(Map<String, double[]> waits, String key, RecordedEvent event) {
        double[] w = waits.computeIfAbsent(key, k -> new double[2]);
        w[0]++;
        w[1] += event.getDuration().toNanos() / 1e6;
    }

    private static String category(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = type(frame);
            for (Map.Entry<String, List<String>> category : CATEGORIES.entrySet()) {
                if (category.getValue().stream().anyMatch(type::startsWith)) {
                    return category.getKey();
                }
            }
        }
        return "JDK / other";
    }

    private static String type(RecordedFrame frame) {
        return frame.getMethod() == null ? "" : frame.getMethod().getType().getName();
    }

    private static String frame(RecordedFrame frame) {
        String type = type(frame);
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName();
    }

    private static String stackText(RecordedStackTrace stack) {
        if (stack == null) {
            return "";
        }
        return stack.getFrames().stream().limit(64).map(f -> type(f) + "." + (f.getMethod() == null ? ""
                : f.getMethod().getName())).collect(Collectors.joining(" "));
    }

    private static Map<String, Long> sorted(Map<String, Long> counts, int limit) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
    }

    static String percent(long part, long whole) {
        return String.format(Locale.ROOT, "%.1f %%", whole == 0 ? 0 : 100.0 * part / whole);
    }
}
