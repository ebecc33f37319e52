package org.yunxie.bot.bench;

import static org.yunxie.bot.bench.LoadHarness.loadavg;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The head of the report: the command to rerun, the machine and the services the figures were taken on, and
 * the sizes of the district. Figures from a shared machine mean little without these beside them.
 */
final class MachineFacts {

    private final LoadHarness.Options o;
    private final Report report;
    private final Db db;
    private final Services services;

    MachineFacts(HarnessContext ctx) {
        this.o = ctx.o;
        this.report = ctx.report;
        this.db = ctx.db;
        this.services = ctx.services;
    }

    void write() throws Exception {
        report.head("Command: `" + o.get("command", "scripts/load-harness", "scripts/load-harness --smoke") + "`");
        report.head("");
        List<String> lines = new ArrayList<>();
        lines.add("cores (nproc): " + Runtime.getRuntime().availableProcessors());
        lines.add("CPU: " + firstLine(Path.of("/proc/cpuinfo"), "model name").replaceFirst(".*:\\s*", ""));
        lines.add("memory: " + firstLine(Path.of("/proc/meminfo"), "MemTotal").replaceAll("\\s+", " ")
                + ", " + firstLine(Path.of("/proc/meminfo"), "MemAvailable").replaceAll("\\s+", " "));
        lines.add("load average at start: " + loadavg());
        long otherJvms = ProcessHandle.allProcesses().filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).count();
        lines.add("other JVMs running on the machine at start: " + otherJvms
                + " (a shared machine: absolute figures move with them, ratios much less)");
        lines.add("java: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        lines.add("MariaDB: " + new Db(db.url.replaceFirst("/[^/?]+\\?", "/?"), o.get("db-user", "root", "root"),
                o.get("db-password", "", "")).rows("SELECT VERSION() v").get(0).get("v")
                + ", innodb_flush_log_at_trx_commit=" + variable("innodb_flush_log_at_trx_commit")
                + ", innodb_buffer_pool_size=" + Long.parseLong(variable("innodb_buffer_pool_size")) / (1 << 20) + " MB");
        String redisServer = services.redis("INFO", "server");
        lines.add("Redis: " + (redisServer == null ? "?" : redisServer.lines().filter(l -> l.startsWith("redis_version"))
                .findFirst().orElse("?")));
        lines.add(String.format(Locale.ROOT, "fdatasync of 4 KB where MariaDB keeps its files: %.2f ms (the floor of "
                + "one durable commit)", fsyncMillis(Path.of(o.require("services-dir")))));
        report.head("Machine and services:");
        report.head("");
        report.head("```");
        lines.forEach(report::head);
        report.head("```");
        report.head("");
        report.head("Sizes: " + o.integer("households", 100_000, 300) + " households in "
                + o.integer("groups", 10_000, 30) + " building groups (" + o.integer("groups-per-community", 100, 10)
                + " groups a community), tally building of " + o.integer("tally-households", 5_000, 1_000)
                + " households. Everything runs on loopback; MariaDB and Redis are the Debian packages started by "
                + "scripts/dev-services on the harness's own ports.");
    }

    private String variable(String name) {
        try {
            return new Db(db.url.replaceFirst("/[^/?]+\\?", "/?"), o.get("db-user", "root", "root"),
                    o.get("db-password", "", "")).variable(name);
        } catch (Exception e) {
            return "?";
        }
    }

    private static double fsyncMillis(Path dir) throws IOException {
        Path file = dir.resolve("fsync-probe");
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw"); FileChannel channel = raf.getChannel()) {
            ByteBuffer block = ByteBuffer.allocate(4096);
            int n = 100;
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                block.clear();
                channel.write(block, (long) (i % 16) * 4096);
                channel.force(false);
            }
            return (System.nanoTime() - start) / 1e6 / n;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst().orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
