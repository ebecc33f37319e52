package org.yunxie.bot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The load and fault harness (issue 6). Run through scripts/load-harness, which provisions MariaDB and Redis
 * on the harness's own loopback ports, builds the bot and stops everything by PID afterwards. This class
 * seeds a district, starts the bots, measures, breaks things on purpose, checks what was stored, and writes
 * a Markdown report. Every load loop is bounded in count and in time; everything goes to 127.0.0.1 only.
 *
 * <p>Here is only the order of the steps; each step is a class of its own ({@link MachineFacts},
 * {@link BotFootprint}, {@link Seeding}, {@link TallyBench}, {@link IngestionBench}, {@link OpenLoopBench},
 * {@link JfrProfile}, {@link FaultSuite}, {@link ClosingStorm}), all sharing one {@link HarnessContext}.
 */
public final class LoadHarness {

    private final HarnessContext ctx;

    private LoadHarness(Options options) throws IOException {
        this.ctx = new HarnessContext(options);
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LoadHarness harness = new LoadHarness(options);
        int code = 0;
        try {
            harness.run();
        } catch (Throwable t) {
            t.printStackTrace();
            harness.ctx.report.problem("the harness stopped early: " + t.toString().lines().findFirst().orElse("")
                    + " (see the console output)");
            code = 2;
        } finally {
            harness.ctx.shutdown();
            Path file = harness.ctx.out.resolve("load-report.md");
            harness.ctx.report.write(file);
            System.out.println();
            System.out.println("Report: " + file);
        }
        System.exit(code != 0 ? code : harness.ctx.report.failed() ? 1 : 0);
    }

    private void run() throws Exception {
        Options o = ctx.o;
        Report report = ctx.report;
        String dbName = o.get("db-name", "yunxie_load", "yunxie_load_smoke");
        String params = "useUnicode=true&characterEncoding=utf8&allowPublicKeyRetrieval=true&useSSL=false";
        String server = "jdbc:mysql://127.0.0.1:" + o.integer("db-port", 34306, 34306) + "/";
        ctx.db = new Db(server + dbName + "?" + params, o.get("db-user", "root", "root"), o.get("db-password", "", ""));
        ctx.services = new Services(Path.of(o.require("services-script")), Path.of(o.require("services-dir")),
                o.integer("db-port", 34306, 34306), o.integer("redis-port", 37379, 37379));
        report.title("Yunxie load and fault harness" + (o.smoke ? " (smoke)" : ""));
        new MachineFacts(ctx).write();
        String firstStart = o.get("first-start", "true", "false");
        if (!"false".equals(firstStart)) {
            new BotFootprint(ctx).firstStart();
            if ("only".equals(firstStart)) {
                return;
            }
        }
        Seeding seeding = new Seeding(ctx);
        seeding.freshDatabase(server, params, dbName);
        ctx.fake = new FakeWecom(o.integer("fake-port", 18090, 18091));
        ctx.wire = new RobotWire(ctx.fake.baseUrl());
        ctx.echo = CallbackBench.echoServer(ctx.wire.crypt());
        ctx.echoUrl = "http://127.0.0.1:" + ctx.echo.getAddress().getPort() + "/echo";
        // bot-a starts while the district is seeded (whichever comes first creates the schema; Flyway locks).
        ctx.a = ctx.bot("bot-a", o.integer("port-a", 18081, 18085));
        ctx.a.start();
        seeding.seed(server + dbName + "?" + params + "&rewriteBatchedStatements=true");
        Duration ready = ctx.a.awaitReady(Duration.ofMinutes(4));
        new TallyBench(ctx).run();
        botInstances(ready);
        new IngestionBench(ctx).run();
        new OpenLoopBench(ctx).run();
        new BotFootprint(ctx).heapUnderIngestion();
        if (o.integer("jfr-seconds", 20, 0) > 0) {
            new JfrProfile(ctx).run();
        }
        new FaultSuite(ctx).run(o.list("faults", "dup,redis,db,kill,two", "dup"));
        new ClosingStorm(ctx).run();
    }

    /** Reports bot-a's start and, with --compare-jar, starts the build it is compared with. */
    private void botInstances(Duration ready) throws Exception {
        Options o = ctx.o;
        Report report = ctx.report;
        report.section("Bot instances");
        report.format("bot-a: server profile on MariaDB + Redis, started while the district was seeded; health UP "
                + "after %.1f s; JVM options %s.", ready.toMillis() / 1000.0, ctx.jvmArgs());
        if (!o.get("compare-jar", "", "").isBlank()) {
            ctx.compare = ctx.bot("bot-compare", o.integer("port-compare", 18084, 18088),
                    Path.of(o.get("compare-jar", "", "")).toAbsolutePath(), o.list("compare-env", "", ""));
            Duration compareReady = HarnessContext.start(ctx.compare);
            String settings = o.get("compare-env", "", "").isBlank() ? "same settings"
                    : "same settings but " + o.get("compare-env", "", "");
            report.format("bot-compare (%s, %s): health UP after %.1f s, %s.", ctx.label(ctx.compare),
                    o.get("compare-jar", "", ""), compareReady.toMillis() / 1000.0, settings);
        }
    }

    /** The load average of the machine (1, 5 and 15 minutes), as the report quotes it beside its figures. */
    static String loadavg() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    static String fmt(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.1f", value);
    }

    static String fmt2(double value) {
        return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** --key=value options; each has a default for the full run and one for --smoke. */
    static final class Options {
        private final Map<String, String> values = new HashMap<>();
        boolean smoke;

        static Options parse(String[] args) {
            Options options = new Options();
            for (String arg : args) {
                String[] pair = arg.replaceFirst("^--", "").split("=", 2);
                options.values.put(pair[0], pair.length > 1 ? pair[1] : "true");
            }
            options.smoke = Boolean.parseBoolean(options.values.getOrDefault("smoke", "false"));
            return options;
        }

        String get(String key, String full, String smoke) {
            return values.getOrDefault(key, this.smoke ? smoke : full);
        }

        String require(String key) {
            String value = values.get(key);
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("--" + key + " is required");
            }
            return value;
        }

        int integer(String key, int full, int smoke) {
            return Integer.parseInt(get(key, Integer.toString(full), Integer.toString(smoke)).replace("_", ""));
        }

        boolean bool(String key, boolean full, boolean smoke) {
            return Boolean.parseBoolean(get(key, Boolean.toString(full), Boolean.toString(smoke)));
        }

        List<String> list(String key, String full, String smoke) {
            String value = get(key, full, smoke);
            return value.isBlank() || value.equals("none") ? List.of() : List.of(value.split(","));
        }

        List<Integer> ints(String key, String full, String smoke) {
            return list(key, full, smoke).stream().map(String::strip).map(Integer::parseInt).toList();
        }
    }
}
