package org.yunxie.bot.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.yunxie.core.ballot.CountingBallots;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.Decision;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.rule.RollEntry;
import org.yunxie.core.rule.Stance;
import org.yunxie.core.rule.Tally;

/**
 * The load and fault harness (issue 6). Run through scripts/load-harness, which provisions MariaDB and Redis
 * on the harness's own loopback ports, builds the bot and stops everything by PID afterwards. This class
 * seeds a district, starts the bots, measures, breaks things on purpose, checks what was stored, and writes
 * a Markdown report. Every load loop is bounded in count and in time; everything goes to 127.0.0.1 only.
 */
public final class LoadHarness {

    private static final Pattern STARTED = Pattern.compile(
            "Started BotApplication in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)");

    private final Options o;
    private final Report report = new Report();
    private final Path out;
    private final Path pidFile;
    private final SplittableRandom random;
    private final String runTag = Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36);
    private final AtomicLong sequence = new AtomicLong();
    private final List<BotInstance> bots = new ArrayList<>();
    private final String sealKey = randomKey();
    private final String linkKey = randomKey();

    private Db db;
    private Services services;
    private FakeWecom fake;
    private RobotWire wire;
    private HttpServer echo;
    private String echoUrl;
    private ConfigurableApplicationContext core;
    private BotInstance a;
    private BotInstance b;
    private BotInstance compare;
    private long ingestionAcked;
    private double ingestionGcFrom;
    private double echoCpuMs;

    private LoadHarness(Options options) throws IOException {
        this.o = options;
        this.out = Path.of(o.get("out", "target/load", "target/load-smoke")).toAbsolutePath();
        Files.createDirectories(out);
        this.pidFile = out.resolve("pids");
        Files.deleteIfExists(pidFile);
        this.random = new SplittableRandom(o.integer("seed", 20_261_127, 20_261_127));
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LoadHarness harness = new LoadHarness(options);
        int code = 0;
        try {
            harness.run();
        } catch (Throwable t) {
            t.printStackTrace();
            harness.report.problem("the harness stopped early: " + t.toString().lines().findFirst().orElse("")
                    + " (see the console output)");
            code = 2;
        } finally {
            harness.shutdown();
            Path file = harness.out.resolve("load-report.md");
            harness.report.write(file);
            System.out.println();
            System.out.println("Report: " + file);
        }
        System.exit(code != 0 ? code : harness.report.failed() ? 1 : 0);
    }

    private void run() throws Exception {
        String dbName = o.get("db-name", "yunxie_load", "yunxie_load_smoke");
        String params = "useUnicode=true&characterEncoding=utf8&allowPublicKeyRetrieval=true&useSSL=false";
        String server = "jdbc:mysql://127.0.0.1:" + o.integer("db-port", 34306, 34306) + "/";
        db = new Db(server + dbName + "?" + params, o.get("db-user", "root", "root"), o.get("db-password", "", ""));
        services = new Services(Path.of(o.require("services-script")), Path.of(o.require("services-dir")),
                o.integer("db-port", 34306, 34306), o.integer("redis-port", 37379, 37379));
        report.title("Yunxie load and fault harness" + (o.smoke ? " (smoke)" : ""));
        facts();
        if (o.bool("first-start", true, false)) {
            firstStart();
        }
        freshDatabase(server, params, dbName);
        fake = new FakeWecom(o.integer("fake-port", 18090, 18091));
        wire = new RobotWire(fake.baseUrl());
        echo = CallbackBench.echoServer(wire.crypt());
        echoUrl = "http://127.0.0.1:" + echo.getAddress().getPort() + "/echo";
        // bot-a starts while the district is seeded (whichever comes first creates the schema; Flyway locks).
        a = bot("bot-a", o.integer("port-a", 18081, 18085));
        a.start();
        seed(server + dbName + "?" + params + "&rewriteBatchedStatements=true");
        Duration ready = a.awaitReady(Duration.ofMinutes(4));
        tally();
        report.section("Bot instances");
        report.format("bot-a: server profile on MariaDB + Redis, started while the district was seeded; health UP "
                + "after %.1f s; JVM options %s.", ready.toMillis() / 1000.0, jvmArgs());
        if (!o.get("compare-jar", "", "").isBlank()) {
            compare = bot("bot-compare", o.integer("port-compare", 18084, 18088), Path.of(o.get("compare-jar", "", "")));
            Duration compareReady = start(compare);
            report.format("bot-compare (%s, %s): health UP after %.1f s, same settings.", label(compare),
                    o.get("compare-jar", "", ""), compareReady.toMillis() / 1000.0);
        }
        ingestion();
        openLoop();
        heap();
        if (o.integer("jfr-seconds", 20, 0) > 0) {
            profile();
        }
        List<String> faults = o.list("faults", "dup,redis,db,kill,two", "dup");
        report.section("Fault tests");
        report.line("Each test votes once per household of its own slice of groups (a poll of its own per group), "
                + "so that \"stored once\" can be checked household by household. A delivery is acknowledged when "
                + "it is answered 200 within WeCom's 5 s; a vote is acknowledged when one of its deliveries was "
                + "(read back with a receipt, or \"稍后回复\" when the answer follows through response_url). Votes "
                + "not acknowledged are delivered again, as WeCom retries (up to 3 times).");
        report.table("test", "deliveries sent", "answered 200", "votes", "votes acknowledged", "stored",
                "stored twice", "acknowledged, not stored", "verdict");
        Map<String, List<String>> notes = new LinkedHashMap<>();
        for (String fault : faults) {
            List<String> lines = new ArrayList<>();
            notes.put(fault, lines);
            switch (fault) {
                case "dup" -> faultDuplicates(lines);
                case "redis" -> faultRedis(lines);
                case "db" -> faultDatabase(lines);
                case "kill" -> faultKill(lines);
                case "two" -> faultTwoInstances(lines);
                default -> throw new IllegalArgumentException("unknown fault test " + fault);
            }
        }
        notes.forEach((fault, lines) -> {
            report.sub("Fault test: " + fault);
            lines.forEach(report::line);
        });
        storm();
    }

    // ------------------------------------------------------------------------------------------------ facts

    private void facts() throws Exception {
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

    static String loadavg() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    // ---------------------------------------------------------------------------------------- first start

    private void firstStart() throws Exception {
        report.section("First start in the embedded profile");
        Path dir = out.resolve("first-start");
        deleteTree(dir);
        BotInstance first = new BotInstance("first-start", Path.of(o.require("jar")), dir,
                o.integer("port-first", 18083, 18087), Map.of(), List.of(), pidFile);
        first.start();
        Duration ready;
        try {
            ready = first.awaitReady(Duration.ofMinutes(3));
        } finally {
            first.stop();
        }
        Matcher started = STARTED.matcher(Files.readString(first.log()));
        String jvm = started.find() ? started.group(1) + " s (Spring), process running for " + started.group(2) + " s"
                : "no start line";
        report.format("A fresh working folder, `java -jar yunxie-bot.jar` with nothing set (H2 file database, Redis "
                + "inside the process, demo data seeded on this first start): health UP after **%.1f s**; the log "
                + "says: started in %s. Load average then: %s.", ready.toMillis() / 1000.0, jvm, loadavg());
        report.target("first start, embedded profile", "≤ 15 s", String.format(Locale.ROOT, "%.1f s",
                ready.toMillis() / 1000.0), ready.toMillis() <= 15_000, "health UP, demo data seeded; load average "
                + loadavg());
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------- seeding

    private void freshDatabase(String server, String params, String dbName) throws Exception {
        try (Connection c = DriverManager.getConnection(server + "?" + params, o.get("db-user", "root", "root"),
                o.get("db-password", "", "")); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + dbName);
            s.execute("CREATE DATABASE " + dbName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        services.redis("FLUSHALL");
    }

    private void seed(String seedingUrl) throws Exception {
        report.section("Seeding");
        long start = System.nanoTime();
        core = CoreContext.start(seedingUrl, o.get("db-user", "root", "root"), o.get("db-password", "", ""),
                redisUrl(), sealKey);
        double boot = (System.nanoTime() - start) / 1e9;
        List<String> faults = o.list("faults", "dup,redis,db,kill,two", "dup");
        RosterSeeder.Plan plan = new RosterSeeder.Plan(o.integer("households", 100_000, 300),
                o.integer("groups", 10_000, 30), o.integer("groups-per-community", 100, 10),
                o.integer("tally-households", 5_000, 1_000), o.integer("hot-rounds", 14, 2),
                List.of("dup", "redis", "db", "kill", "two"), o.integer("fault-groups", 60, 3),
                o.integer("seed", 20_261_127, 20_261_127));
        if (plan.faultGroupsPerTest() * 5 > plan.groups()) {
            throw new IllegalArgumentException("fault-groups × 5 must not exceed groups");
        }
        RosterSeeder.Seeded seeded = new RosterSeeder(db, plan).seed(core);
        report.format("%d communities, %d building groups (each a WeCom chat with its own group robot), %d households "
                        + "(about 2 %% vacant, 5 %% of owners own two units), %d members each with a WeCom userid; "
                        + "%d rounds drafted and opened through core's DraftingRound/OpeningRound (one poll a group, "
                        + "%d extra in group 1, one more a group in each fault test's slice, the tally poll). "
                        + "Schema and core context %.1f s, roster by batched SQL %.1f s, rounds %.1f s.",
                seeded.communities() + 1, seeded.groups() + 1, seeded.households(), seeded.members(), seeded.rounds(),
                plan.hotRounds(), boot, seeded.roster().toMillis() / 1000.0, seeded.rounds_().toMillis() / 1000.0);
        report.format("Fault tests run here: %s (%d groups each).", faults, plan.faultGroupsPerTest());
        if (seeded.deadlocks() > 0) {
            Path file = out.resolve("innodb-status-after-seeding.txt");
            Files.writeString(file, String.valueOf(db.rows("SHOW ENGINE INNODB STATUS").get(0).get("Status")));
            report.format("**Finding:** drafting or opening rounds of different communities at the same time (4 "
                    + "seeding threads, each on its own communities) still failed %d times with a deadlock after "
                    + "DraftingRound's and OpeningRound's own 3 tries (Transactions.retryingAtDefaultIsolation); the "
                    + "seeder tried again. The last deadlock is in `%s`.", seeded.deadlocks(), file.getFileName());
        } else {
            report.line("Drafting and opening rounds of different communities at the same time (4 seeding threads): "
                    + "no use case failed with a deadlock (DraftingRound and OpeningRound try a deadlock victim "
                    + "again, up to 3 times).");
        }
        tallyRoundId = seeded.tallyRoundId();
    }

    private long tallyRoundId;

    private String redisUrl() {
        return "redis://127.0.0.1:" + o.integer("redis-port", 37379, 37379);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    // --------------------------------------------------------------------------------------------- bots

    private List<String> jvmArgs() {
        List<String> args = new ArrayList<>();
        String heap = o.get("bot-heap", "512m", "512m");
        if (!heap.isBlank()) {
            args.add("-Xmx" + heap);
        }
        args.addAll(o.list("bot-jvm", "", ""));
        return args;
    }

    private BotInstance bot(String name, int port) {
        return bot(name, port, Path.of(o.require("jar")));
    }

    private BotInstance bot(String name, int port, Path jar) {
        Map<String, String> env = new HashMap<>();
        env.put("SPRING_PROFILES_ACTIVE", "server");
        env.put("YUNXIE_DB_URL", db.url);
        env.put("YUNXIE_DB_USERNAME", o.get("db-user", "root", "root"));
        env.put("YUNXIE_DB_PASSWORD", o.get("db-password", "", ""));
        env.put("YUNXIE_REDIS_URL", redisUrl());
        env.put("YUNXIE_BALLOT_SEAL_KEY", sealKey);
        env.put("YUNXIE_H5_LINK_KEY", linkKey);
        env.put("YUNXIE_PUBLIC_URL", "http://127.0.0.1:" + port);
        env.put("YUNXIE_WECOM_CORP_ID", "ww-load-corp");
        env.put("YUNXIE_WECOM_AGENT_ID", "1000002");
        env.put("YUNXIE_WECOM_SECRET", "load-app-secret");
        env.put("YUNXIE_WECOM_ROBOT_TOKEN", RobotWire.TOKEN);
        env.put("YUNXIE_WECOM_ROBOT_AES_KEY", RobotWire.AES_KEY);
        env.put("YUNXIE_WECOM_API_BASE_URL", fake.baseUrl());
        env.put("YUNXIE_WECOM_RECOVERY_DELAY", o.get("recovery-delay", "PT10S", "PT5S"));
        env.put("YUNXIE_JOBS_CLOSING_INTERVAL", o.get("closing-interval", "10s", "2s"));
        for (String pair : o.list("bot-env", "", "")) {
            String[] kv = pair.split("=", 2);
            env.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        BotInstance bot = new BotInstance(name, jar, out.resolve(name), port, env, jvmArgs(), pidFile);
        bots.add(bot);
        return bot;
    }

    private static Duration start(BotInstance bot) throws Exception {
        bot.start();
        return bot.awaitReady(Duration.ofMinutes(4));
    }

    private void shutdown() {
        for (BotInstance bot : bots) {
            try {
                bot.stop();
            } catch (Exception e) {
                System.err.println("could not stop " + bot.name + ": " + e);
            }
        }
        if (fake != null) {
            fake.close();
        }
        if (echo != null) {
            echo.stop(0);
        }
        if (core != null) {
            core.close();
        }
    }

    // ------------------------------------------------------------------------------------------- voters

    /** One person able to vote in a round: a member bound to a household on its roll. */
    record Voter(String userid, String chatId, int number, long roundId, long householdId, String unitLabel,
                 boolean nameUnit) {
    }

    private List<Voter> voters(String titlePrefix, boolean onePerHousehold) throws Exception {
        List<Voter> voters = new ArrayList<>();
        Set<Long> households = new HashSet<>();
        for (Map<String, Object> row : db.rows(
                "SELECT i.external_id userid, g.wecom_chat_id chat, r.number, r.id round_id, rh.household_id,"
                        + " h.unit_label, (SELECT COUNT(*) FROM household_member hm2 JOIN round_household rh2"
                        + "   ON rh2.household_id = hm2.household_id AND rh2.round_id = r.id"
                        + "   WHERE hm2.member_id = hm.member_id) units"
                        + " FROM round r JOIN chat_group g ON g.id = r.chat_group_id"
                        + " JOIN round_household rh ON rh.round_id = r.id JOIN household h ON h.id = rh.household_id"
                        + " JOIN household_member hm ON hm.household_id = rh.household_id"
                        + " JOIN member_identity i ON i.member_id = hm.member_id AND i.kind = 'WECOM_USER'"
                        + " WHERE r.title LIKE ? ORDER BY r.id, rh.household_id, hm.member_id", titlePrefix + "%")) {
            long household = ((Number) row.get("household_id")).longValue();
            if (onePerHousehold && !households.add(household)) {
                continue;
            }
            voters.add(new Voter((String) row.get("userid"), (String) row.get("chat"),
                    ((Number) row.get("number")).intValue(), ((Number) row.get("round_id")).longValue(), household,
                    (String) row.get("unit_label"), ((Number) row.get("units")).intValue() > 1));
        }
        return voters;
    }

    private RobotWire.Vote vote(Voter voter, String msgid) {
        int pick = random.nextInt(10);
        String choice = RobotWire.CHOICES[pick < 6 ? 0 : pick < 9 ? 1 : 2];
        return new RobotWire.Vote(msgid, voter.userid(), voter.chatId(), voter.number(), voter.roundId(),
                voter.householdId(), voter.unitLabel(), voter.nameUnit(), choice);
    }

    private List<RobotWire.Sealed> loadVotes(List<Voter> voters, int count) {
        List<RobotWire.Sealed> sealed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Voter voter = voters.get(random.nextInt(voters.size()));
            sealed.add(wire.seal(vote(voter, "ld-" + runTag + "-" + sequence.incrementAndGet())));
        }
        return sealed;
    }

    // ----------------------------------------------------------------------------------------- ingestion

    private List<Voter> mainVoters;
    private double bestPerSecond;

    /** The bots the ingestion is measured on: bot-a, and with --compare-jar a second build beside it. */
    private List<BotInstance> measured() {
        return compare == null ? List.of(a) : List.of(a, compare);
    }

    private String label(BotInstance bot) {
        return bot == a ? (compare == null ? "bot" : o.get("label", "this build", "this build"))
                : o.get("compare-label", "compared build", "compared build");
    }

    private void ingestion() throws Exception {
        mainVoters = voters(RosterSeeder.MAIN, false);
        report.section("Vote ingestion over the wire (closed loop)");
        report.format("Encrypted, signed smart-robot callbacks (\"@云协商 #N 同意\") from %d bound members of %d "
                + "households across %d open polls, picked at random (a later vote of the same household is a "
                + "change of mind, as in life); each answer is sent only after the vote is in MariaDB. Beside each "
                + "level, the same sealed requests against a bare WxJava decrypt-parse-encrypt echo in the harness "
                + "(the floor: no storage, no command).%s",
                mainVoters.stream().map(Voter::userid).distinct().count(),
                mainVoters.stream().map(Voter::householdId).distinct().count(),
                mainVoters.stream().map(Voter::roundId).distinct().count(),
                compare == null ? "" : " Two builds run side by side on the same database, one after the other at "
                        + "each level: \"" + label(a) + "\" and \"" + label(compare) + "\" (" + o.get("compare-jar", "", "")
                        + ").");
        int perLevel = o.integer("requests", 4_000, 150);
        long levelNanos = TimeUnit.SECONDS.toNanos(o.integer("level-seconds", 25, 8));
        // Warm every side up: JIT, connection pools, caches.
        List<RobotWire.Sealed> warm = loadVotes(mainVoters, o.integer("warmup", 600, 60));
        for (BotInstance bot : measured()) {
            VoteDriver.closed("warm-up " + bot.name, List.of(bot.url()), warm, 8, levelNanos, null, null);
        }
        VoteDriver.closed("warm-up echo", List.of(echoUrl), warm, 8, levelNanos, null, null);
        ingestionGcFrom = a.uptimeSeconds();
        long historyBefore = db.count("SELECT COUNT(*) FROM ballot_history WHERE channel = 'WECOM_ROBOT'");
        report.table("concurrency", "target", "votes/s", "p50 ms", "p99 ms", "× echo throughput", "p99 × echo",
                "failed");
        List<String> lines = new ArrayList<>();
        Map<BotInstance, double[]> best = new LinkedHashMap<>(); // {votes/s, ratio}
        Map<BotInstance, Map<String, Double>> perVote = new LinkedHashMap<>();
        for (int concurrency : o.ints("concurrency", "1,4,16,64", "4")) {
            List<RobotWire.Sealed> sealed = loadVotes(mainVoters, perLevel);
            Map<BotInstance, VoteDriver.Run> runs = new LinkedHashMap<>();
            Map<BotInstance, Map<String, Double>> costs = new LinkedHashMap<>();
            for (BotInstance bot : measured()) {
                List<RobotWire.Sealed> mine = bot == a ? sealed : loadVotes(mainVoters, perLevel);
                Map<String, Long> dbBefore = db.status();
                Map<String, Long> redisBefore = services.redisInfo("stats");
                long[] cpuBefore = cpuNanos(bot);
                VoteDriver.Run run = VoteDriver.closed(String.format(Locale.ROOT, "%-12s c=%d", label(bot), concurrency),
                        List.of(bot.url()), mine, concurrency, levelNanos, null, null);
                long[] cpuAfter = cpuNanos(bot);
                costs.put(bot, perVote(dbBefore, db.status(), redisBefore, services.redisInfo("stats"), run.ok()));
                cpuPerVote(costs.get(bot), cpuBefore, cpuAfter, run.ok());
                runs.put(bot, run);
                ingestionAcked += run.ok();
            }
            long echoCpuBefore = cpuOf(ProcessHandle.current().pid());
            VoteDriver.Run bare = VoteDriver.closed(String.format(Locale.ROOT, "%-12s c=%d", "echo", concurrency),
                    List.of(echoUrl), sealed, concurrency, levelNanos, null, null);
            echoCpuMs = (cpuOf(ProcessHandle.current().pid()) - echoCpuBefore) / 1e6 / Math.max(1, bare.ok());
            for (Map.Entry<BotInstance, VoteDriver.Run> entry : runs.entrySet()) {
                VoteDriver.Run run = entry.getValue();
                double ratio = run.perSecond() / bare.perSecond();
                lines.add(run.line());
                report.row(concurrency, label(entry.getKey()), fmt(run.perSecond()), fmt(run.percentile(50)),
                        fmt(run.percentile(99)), fmt2(ratio), fmt2(run.percentile(99) / bare.percentile(99)),
                        run.failed());
                double[] top = best.computeIfAbsent(entry.getKey(), k -> new double[2]);
                if (run.perSecond() > top[0]) {
                    top[0] = run.perSecond();
                    top[1] = ratio;
                    perVote.put(entry.getKey(), costs.get(entry.getKey()));
                }
            }
            lines.add(bare.line());
            report.row(concurrency, "bare echo", fmt(bare.perSecond()), fmt(bare.percentile(50)),
                    fmt(bare.percentile(99)), "1.00", "1.00", bare.failed());
        }
        bestPerSecond = best.get(a)[0];
        report.line("");
        report.block(lines);
        long history = db.count("SELECT COUNT(*) FROM ballot_history WHERE channel = 'WECOM_ROBOT'") - historyBefore;
        long stored = db.count("SELECT COUNT(*) FROM inbound_message WHERE dedupe_key LIKE ? AND processed_at IS NOT NULL",
                "ld-" + runTag + "-%");
        report.format("Durability check: %d votes answered 200 in the measured levels (and %d in the warm-up); %d "
                        + "ingestion messages are in the inbox as processed; %d ballot casts or changes were written to "
                        + "the history in the measured levels (a member sending the choice their household already has records "
                        + "nothing new).", ingestionAcked, warm.size() * measured().size(), stored,
                history);
        report.sub("What one vote costs (at each build's best level)");
        List<String> header = new ArrayList<>(List.of("per vote"));
        measured().forEach(bot -> header.add(label(bot)));
        report.table(header.toArray(String[]::new));
        for (String key : perVote.get(a).keySet()) {
            List<Object> row = new ArrayList<>(List.of(key));
            measured().forEach(bot -> row.add(fmt2(perVote.get(bot).getOrDefault(key, Double.NaN))));
            report.row(row.toArray());
        }
        Map<String, Double> mine = perVote.get(a);
        double cpuMs = mine.entrySet().stream().filter(e -> e.getKey().startsWith("CPU ms"))
                .mapToDouble(Map.Entry::getValue).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        report.format("CPU budget: one vote costs %.1f ms of CPU in all (bot, MariaDB, Redis and the load driver, "
                        + "from /proc over the level), so %d cores can do at most about %.0f votes/s however the "
                        + "work is spread; 2,000/s would need %.2f ms a vote. The echo and its load driver (in the "
                        + "harness) used %.2f ms of CPU per request at the last level.", cpuMs, cores,
                cores * 1000 / Math.max(0.001, cpuMs), cores * 1000 / 2000.0, echoCpuMs);
        String compared = compare == null ? "" : String.format(Locale.ROOT, "; %s: %.0f/s (%.2f× echo)",
                label(compare), best.get(compare)[0], best.get(compare)[1]);
        report.target("durable votes/s (closed loop, best level)", "≥ 2,000/s", fmt(best.get(a)[0]) + "/s",
                best.get(a)[0] >= 2_000, "MariaDB with innodb_flush_log_at_trx_commit=1; load average " + loadavg()
                        + compared);
        report.target("bot/echo throughput", "≥ 0.5×", fmt2(best.get(a)[1]) + "×", best.get(a)[1] >= 0.5,
                "same run, same requests; the echo does no storage" + compared);
    }

    /** CPU time so far (user and system, ns) of: the bot, MariaDB, Redis, this harness (the load driver). */
    private long[] cpuNanos(BotInstance bot) throws IOException {
        return new long[] {cpuOf(bot.pid()), cpuOf(services.pid("mariadb.pid")), cpuOf(services.pid("redis.pid")),
                cpuOf(ProcessHandle.current().pid()), jitCpuOf(bot.pid())};
    }

    /**
     * CPU time (ns) of a JVM's JIT compiler threads ("C1/C2 CompilerThread"), from /proc: part of the bot's
     * CPU, but a cost of warming up, not of a vote; a short level right after start can be mostly JIT.
     */
    private static long jitCpuOf(long pid) {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks.toList()) {
                try {
                    if (!Files.readString(task.resolve("comm")).contains("CompilerThre")) {
                        continue;
                    }
                    String stat = Files.readString(task.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException gone) {
                    // The thread ended in between: its time is no longer anyone's.
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    private static long cpuOf(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(java.time.Duration::toNanos)
                .orElse(0L);
    }

    private static void cpuPerVote(Map<String, Double> figures, long[] before, long[] after, int votes) {
        String[] names = {"CPU ms: the bot", "CPU ms: MariaDB", "CPU ms: Redis", "CPU ms: load driver (harness)"};
        for (int i = 0; i < names.length; i++) {
            figures.put(names[i], (after[i] - before[i]) / 1e6 / Math.max(1, votes));
        }
        figures.put("of the bot's: JIT compiler threads (ms)", (after[4] - before[4]) / 1e6 / Math.max(1, votes));
    }

    private static Map<String, Double> perVote(Map<String, Long> before, Map<String, Long> after,
                                               Map<String, Long> redisBefore, Map<String, Long> redisAfter, int votes) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String key : List.of("Questions", "Com_select", "Com_insert", "Com_update", "Com_delete", "Com_commit",
                "Com_rollback", "Innodb_log_writes", "Innodb_data_fsyncs", "Innodb_row_lock_waits",
                "Innodb_row_lock_time")) {
            figures.put("MariaDB " + key + (key.equals("Innodb_row_lock_time") ? " (ms)" : ""),
                    (after.getOrDefault(key, 0L) - before.getOrDefault(key, 0L)) / (double) Math.max(1, votes));
        }
        figures.put("Redis commands", (redisAfter.getOrDefault("total_commands_processed", 0L)
                - redisBefore.getOrDefault("total_commands_processed", 0L) - 1) / (double) Math.max(1, votes));
        return figures;
    }

    private void openLoop() throws Exception {
        double rate = o.integer("open-rate", 1_000, 100);
        int seconds = o.integer("open-seconds", 15, 3);
        int threads = o.integer("open-threads", 256, 64);
        report.section(String.format(Locale.ROOT, "Fixed offered load: %.0f votes/s for %d s (open loop)", rate, seconds));
        report.format("Requests are due at a fixed pace whatever the answers do; latency counts from when each was due "
                + "(so a queue in front of a slow server shows), up to %d requests in flight, WeCom's 5 s timeout.",
                threads);
        List<RobotWire.Sealed> sealed = loadVotes(mainVoters, (int) (rate * seconds));
        List<VoteDriver.Run> runs = new ArrayList<>();
        VoteDriver.Run bot = null;
        for (BotInstance target : measured()) {
            VoteDriver.Run run = VoteDriver.open(String.format(Locale.ROOT, "%-12s @%d/s", label(target), (int) rate),
                    target.url(), target == a ? sealed : loadVotes(mainVoters, sealed.size()), rate, threads,
                    TimeUnit.SECONDS.toNanos(10));
            ingestionAcked += run.ok();
            runs.add(run);
            bot = target == a ? run : bot;
        }
        VoteDriver.Run bare = VoteDriver.open(String.format(Locale.ROOT, "%-12s @%d/s", "echo", (int) rate), echoUrl,
                sealed, rate, threads, TimeUnit.SECONDS.toNanos(10));
        runs.add(bare);
        report.block(runs.stream().map(VoteDriver.Run::line).toList());
        report.table("", "achieved/s", "p50 ms", "p90 ms", "p99 ms", "p99 × echo", "failed or timed out",
                "not sent in time");
        for (VoteDriver.Run run : runs) {
            report.row(run.name, fmt(run.perSecond()), fmt(run.percentile(50)), fmt(run.percentile(90)),
                    fmt(run.percentile(99)), fmt2(run.percentile(99) / bare.percentile(99)), run.failed(), run.notSent);
        }
        boolean kept = bot.failed() == 0 && bot.notSent == 0;
        report.target("p99 at " + (int) rate + " votes/s offered", "≤ 50 ms",
                (kept ? fmt(bot.percentile(99)) + " ms" : fmt(bot.percentile(99)) + " ms of those answered; "
                        + (bot.failed() + bot.notSent) + " of " + sealed.size() + " failed, timed out or not sent")
                        + String.format(Locale.ROOT, " (achieved %.0f/s)", bot.perSecond()),
                kept && bot.percentile(99) <= 50, String.format(Locale.ROOT, "echo p99 %.1f ms in the same run",
                        bare.percentile(99)));
        if (compare != null) {
            compare.stop();
            bots.remove(compare);
            report.format("(%s stopped after the open-loop run.)", label(compare));
        }
    }

    private void heap() throws IOException {
        BotInstance.GcFigures gc = a.gc(ingestionGcFrom);
        report.section("Bot heap under the ingestion load");
        report.format("bot-a ran with %s. Over the measured ingestion (closed and open loop, %.0f s of GC log): %d GC "
                        + "pauses (%d full), %.0f ms paused in all (%.1f %% of the time); heap used before a collection "
                        + "at most %d MB, after one at most %d MB (the live set), committed at most %d MB; resident set "
                        + "of the process now %d MB.", jvmArgs().isEmpty() ? "the JVM's default heap" : jvmArgs(),
                gc.spanSeconds(), gc.pauses(), gc.fullPauses(), gc.pauseMs(),
                gc.spanSeconds() == 0 ? 0 : gc.pauseMs() / 10 / gc.spanSeconds(), gc.maxUsedBeforeMb(),
                gc.maxUsedAfterMb(), gc.maxCommittedMb(), a.rssMb());
        report.target("bot heap under ingestion load", "≤ 512 MB", gc.maxUsedBeforeMb() + " MB peak used, "
                        + gc.maxUsedAfterMb() + " MB live after GC", gc.maxUsedBeforeMb() <= 512 && gc.fullPauses() == 0,
                "run with " + jvmArgs() + "; GC pauses " + fmt(gc.pauseMs()) + " ms in " + fmt(gc.spanSeconds()) + " s");
    }

    // ------------------------------------------------------------------------------------------ profile

    private void profile() throws Exception {
        int seconds = o.integer("jfr-seconds", 20, 0);
        int concurrency = o.integer("jfr-concurrency", 16, 4);
        report.section("Where the milliseconds go (JFR on bot-a)");
        Path settings = JfrSummary.writeSettings(out);
        Path recording = out.resolve("bot-a-profile.jfr");
        Files.deleteIfExists(recording);
        List<RobotWire.Sealed> sealed = loadVotes(mainVoters,
                (int) Math.min(60_000, Math.max(2_000, bestPerSecond * seconds * 1.5)));
        jcmd(a.pid(), "JFR.start", "name=load", "settings=" + settings, "filename=" + recording);
        Map<String, Long> dbBefore = db.status();
        VoteDriver.Run run = VoteDriver.closed("bot c=" + concurrency + " JFR", List.of(a.url()), sealed, concurrency,
                TimeUnit.SECONDS.toNanos(seconds), null, null);
        Map<String, Long> dbAfter = db.status();
        jcmd(a.pid(), "JFR.stop", "name=load");
        ingestionAcked += run.ok();
        JfrSummary.Summary s = JfrSummary.summarize(recording, name -> name.startsWith("http-nio-"),
                o.integer("db-port", 34306, 34306));
        long requests = run.ok();
        double meanMs = concurrency * run.seconds() * 1000 / Math.max(1, requests);
        report.format("%s; recording %s (%.0f s). Mean time a request spends in the bot: %.1f ms (= %d threads × %.1f s "
                        + "/ %d requests). JVM CPU %.0f %% of the machine, whole machine %.0f %%; %d GCs, %.0f ms.",
                run.line().strip(), recording.getFileName(), s.seconds(), meanMs, concurrency, run.seconds(), requests,
                100 * s.jvmCpu(), 100 * s.machineCpu(), s.gcCount(), s.gcMs());
        report.sub("Waiting, per request (Tomcat request threads)");
        report.table("what", "ms per request", "events per request", "share of the request");
        double waited = 0;
        for (Map.Entry<String, double[]> wait : s.waits().entrySet()) {
            double ms = s.perRequest(wait.getKey(), requests);
            waited += ms;
            report.row(wait.getKey(), fmt2(ms), fmt2(s.countPerRequest(wait.getKey(), requests)),
                    String.format(Locale.ROOT, "%.0f %%", 100 * ms / meanMs));
        }
        report.row("**sum of the waits above**", fmt2(waited), "", String.format(Locale.ROOT, "%.0f %%",
                100 * waited / meanMs));
        report.row("rest: on CPU or waiting for a CPU", fmt2(meanMs - waited), "", String.format(Locale.ROOT,
                "%.0f %%", 100 * (meanMs - waited) / meanMs));
        report.sub("MariaDB waits by the Yunxie method that made them (ms per request)");
        report.table("method", "ms per request", "round trips per request");
        s.dbBySite().forEach((site, w) -> report.row(site, fmt2(w[1] / requests), fmt2(w[0] / requests)));
        report.sub("Redis waits by the Yunxie method that made them");
        report.table("method", "ms per request", "round trips per request");
        s.redisBySite().forEach((site, w) -> report.row(site, fmt2(w[1] / requests), fmt2(w[0] / requests)));
        report.sub("CPU samples of the bot by what the code was doing");
        report.table("category", "samples", "share");
        s.cpuByCategory().forEach((k, v) -> report.row(k, v, JfrSummary.percent(v, s.cpuSamples())));
        report.sub("Hottest methods (leaf frames) and hottest Yunxie frames");
        report.table("leaf frame", "samples", "", "innermost Yunxie frame", "samples");
        List<Map.Entry<String, Long>> leaves = new ArrayList<>(s.topFrames().entrySet());
        List<Map.Entry<String, Long>> ours = new ArrayList<>(s.topYunxieFrames().entrySet());
        for (int i = 0; i < Math.max(leaves.size(), ours.size()); i++) {
            report.row(i < leaves.size() ? leaves.get(i).getKey() : "", i < leaves.size() ? leaves.get(i).getValue() : "",
                    "", i < ours.size() ? ours.get(i).getKey() : "", i < ours.size() ? ours.get(i).getValue() : "");
        }
        report.sub("MariaDB's counters over the profiled run, per vote");
        report.table("counter", "per vote");
        perVote(dbBefore, dbAfter, Map.of(), Map.of(), run.ok()).forEach((k, v) -> {
            if (!k.startsWith("Redis")) {
                report.row(k, fmt2(v));
            }
        });
        report.format("Recording kept at `%s` (open with JDK Mission Control, or `jfr print --events "
                + "jdk.SocketRead %s`).", recording, recording);
    }

    private static void jcmd(long pid, String... command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> args = new ArrayList<>();
        args.add(Files.exists(jcmd) ? jcmd.toString() : "jcmd");
        args.add(Long.toString(pid));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + List.of(command) + " failed: " + output);
        }
    }

    // ------------------------------------------------------------------------------------------- faults

    /** A fault test's votes: one per household on the rolls of its slice's polls. */
    record Slice(String test, List<RobotWire.Vote> votes, List<Long> roundIds) {
    }

    private Slice slice(String test) throws Exception {
        List<Voter> voters = voters(RosterSeeder.fault(test), true);
        List<RobotWire.Vote> votes = new ArrayList<>();
        for (Voter voter : voters) {
            votes.add(vote(voter, "lf-" + test + "-" + runTag + "-" + voter.householdId()));
        }
        List<Long> rounds = voters.stream().map(Voter::roundId).distinct().sorted().toList();
        return new Slice(test, votes, rounds);
    }

    private List<RobotWire.Sealed> seal(List<RobotWire.Vote> votes) {
        return votes.stream().map(wire::seal).collect(Collectors.toCollection(ArrayList::new));
    }

    private static boolean acknowledged(VoteDriver.Attempt attempt) {
        return attempt.status() == 200 && attempt.reading() != null
                && (attempt.reading().answer() == RobotWire.Answer.RECORDED
                || attempt.reading().answer() == RobotWire.Answer.LATER);
    }

    /** Delivers again (sealed anew, same msgid) every vote none of whose deliveries was answered 200. */
    private List<VoteDriver.Attempt> retry(Slice slice, List<String> targets, Collection<VoteDriver.Attempt> so,
                                           int times, long pauseMillis) throws Exception {
        List<VoteDriver.Attempt> all = new ArrayList<>(so);
        for (int round = 0; round < times; round++) {
            Set<String> answered = all.stream().filter(x -> x.status() == 200).map(x -> x.vote().msgid())
                    .collect(Collectors.toSet());
            List<RobotWire.Vote> again = slice.votes().stream().filter(v -> !answered.contains(v.msgid())).toList();
            if (again.isEmpty()) {
                break;
            }
            Thread.sleep(pauseMillis);
            all.addAll(VoteDriver.closed(slice.test() + " retry " + (round + 1), targets, seal(again), 8,
                    TimeUnit.SECONDS.toNanos(120), wire, null).attempts);
        }
        return all;
    }

    /** Waits until every inbox message of the slice is processed (the recovery job finishes the stalled ones). */
    private Duration awaitProcessed(Slice slice, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (db.count("SELECT COUNT(*) FROM inbound_message WHERE dedupe_key LIKE ? AND processed_at IS NULL",
                        "lf-" + slice.test() + "-" + runTag + "-%") == 0) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (Exception databaseStillComingBack) {
                // try again
            }
            Thread.sleep(1_000);
        }
        return null;
    }

    /**
     * Checks household by household what a fault test stored against what was acknowledged, and adds its row
     * to the fault table. Returns false when an invariant broke.
     */
    private boolean check(Slice slice, List<VoteDriver.Attempt> attempts, List<String> notes) throws Exception {
        String rounds = slice.roundIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Long, long[]> stored = new HashMap<>(); // household -> {ballots, history, audit}
        Map<Long, String> receipts = new HashMap<>();
        for (Map<String, Object> row : db.rows("SELECT b.household_id, (SELECT COUNT(*) FROM ballot_history h"
                + " WHERE h.round_id = b.round_id AND h.household_id = b.household_id) history,"
                + " (SELECT COUNT(*) FROM audit_entry e WHERE e.round_id = b.round_id AND e.household_id = b.household_id"
                + "   AND e.action IN ('ballot.cast', 'ballot.changed')) audit, r.code"
                + " FROM ballot b LEFT JOIN receipt r ON r.round_id = b.round_id AND r.household_id = b.household_id"
                + " WHERE b.round_id IN (" + rounds + ")")) {
            long household = ((Number) row.get("household_id")).longValue();
            stored.put(household, new long[] {1, ((Number) row.get("history")).longValue(),
                    ((Number) row.get("audit")).longValue()});
            receipts.put(household, (String) row.get("code"));
        }
        long orphanHistory = db.count("SELECT COUNT(*) FROM ballot_history h WHERE h.round_id IN (" + rounds + ")"
                + " AND NOT EXISTS (SELECT 1 FROM ballot b WHERE b.round_id = h.round_id AND b.household_id = h.household_id)");
        long unprocessed = db.count("SELECT COUNT(*) FROM inbound_message WHERE dedupe_key LIKE ? AND processed_at IS NULL",
                "lf-" + slice.test() + "-" + runTag + "-%");
        long inbox = db.count("SELECT COUNT(*) FROM inbound_message WHERE dedupe_key LIKE ?",
                "lf-" + slice.test() + "-" + runTag + "-%");
        Map<String, List<VoteDriver.Attempt>> byMsg = attempts.stream()
                .collect(Collectors.groupingBy(x -> x.vote().msgid()));
        int ackedVotes = 0;
        int storedVotes = 0;
        int twice = 0;
        int ackedMissing = 0;
        int wrongReceipt = 0;
        int failedButStored = 0;
        int noAnswerStored = 0;
        Map<String, Integer> answers = new TreeMap<>();
        for (VoteDriver.Attempt attempt : attempts) {
            String key = attempt.status() == 200 ? "200 " + (attempt.reading() == null ? "?" : attempt.reading().answer())
                    : attempt.status() == VoteDriver.TIMEOUT ? "no answer within 5 s"
                    : attempt.status() == VoteDriver.IO_ERROR ? "connection refused/reset" : "HTTP " + attempt.status();
            answers.merge(key, 1, Integer::sum);
        }
        for (RobotWire.Vote vote : slice.votes()) {
            List<VoteDriver.Attempt> mine = byMsg.getOrDefault(vote.msgid(), List.of());
            boolean acked = mine.stream().anyMatch(LoadHarness::acknowledged);
            boolean failedOnly = !acked && mine.stream().anyMatch(x -> x.status() == 200 && x.reading() != null
                    && x.reading().answer() == RobotWire.Answer.FAILED);
            long[] s = stored.get(vote.householdId());
            boolean isStored = s != null && s[1] >= 1;
            ackedVotes += acked ? 1 : 0;
            storedVotes += isStored ? 1 : 0;
            if (s != null && (s[1] > 1 || s[2] > 1)) {
                twice++;
            }
            if (acked && !isStored) {
                ackedMissing++;
            }
            if (failedOnly && isStored) {
                failedButStored++;
            }
            if (!acked && !failedOnly && isStored) {
                noAnswerStored++;
            }
            for (VoteDriver.Attempt x : mine) {
                if (x.reading() != null && x.reading().receipt() != null && isStored
                        && !x.reading().receipt().equals(receipts.get(vote.householdId()))) {
                    wrongReceipt++;
                    break;
                }
            }
        }
        boolean ok = twice == 0 && ackedMissing == 0 && wrongReceipt == 0 && orphanHistory == 0 && unprocessed == 0
                && failedButStored == 0;
        report.row(slice.test(), attempts.size(), attempts.stream().filter(x -> x.status() == 200).count(),
                slice.votes().size(), ackedVotes, storedVotes, twice, ackedMissing, ok ? "held" : "**broken**");
        notes.add(String.format(Locale.ROOT, "Answers to the %d deliveries: %s.", attempts.size(), answers));
        notes.add(String.format(Locale.ROOT, "Stored: %d of %d votes, inbox rows %d (one per message), still "
                        + "unprocessed %d; stored twice %d; acknowledged but not stored %d; receipt read back differs "
                        + "from the stored one %d; history rows without a ballot %d; answered \"nothing recorded\" but "
                        + "stored %d; never acknowledged yet stored %d (fine: the resident just did not hear back).",
                storedVotes, slice.votes().size(), inbox, unprocessed, twice, ackedMissing, wrongReceipt, orphanHistory,
                failedButStored, noAnswerStored));
        if (!ok) {
            report.problem("fault test " + slice.test() + ": stored twice " + twice + ", acknowledged not stored "
                    + ackedMissing + ", wrong receipts " + wrongReceipt + ", orphan history " + orphanHistory
                    + ", unprocessed " + unprocessed + ", told failed but stored " + failedButStored);
        }
        return ok;
    }

    private void faultDuplicates(List<String> notes) throws Exception {
        Slice slice = slice("dup");
        // Each vote three times: the first two at once (a retry racing the first delivery), the third after.
        List<RobotWire.Sealed> first = new ArrayList<>();
        for (RobotWire.Vote vote : slice.votes()) {
            first.add(wire.seal(vote));
            first.add(wire.seal(vote));
        }
        VoteDriver.Run racing = VoteDriver.closed("dup racing", List.of(a.url()), first, 16,
                TimeUnit.SECONDS.toNanos(300), wire, null);
        VoteDriver.Run third = VoteDriver.closed("dup third", List.of(a.url()), seal(slice.votes()), 8,
                TimeUnit.SECONDS.toNanos(300), wire, null);
        List<VoteDriver.Attempt> all = new ArrayList<>(racing.attempts);
        all.addAll(third.attempts);
        Duration settled = awaitProcessed(slice, Duration.ofSeconds(150));
        long sameReceipt = slice.votes().stream().filter(vote -> all.stream()
                .filter(x -> x.vote().msgid().equals(vote.msgid()) && x.reading() != null && x.reading().receipt() != null)
                .map(x -> x.reading().receipt()).distinct().count() == 1).count();
        check(slice, all, notes);
        notes.add(String.format(Locale.ROOT, "%d votes × 3 deliveries (two racing each other, then one more): %d votes "
                        + "got the same receipt on every delivery that carried one; all messages processed %s.",
                slice.votes().size(), sameReceipt, settled == null ? "NOT within 150 s" : "after " + settled.toSeconds() + " s"));
    }

    private void faultKill(List<String> notes) throws Exception {
        Slice slice = slice("kill");
        List<RobotWire.Sealed> sealed = seal(slice.votes());
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicLong killedAt = new AtomicLong();
        int killAfter = Math.max(1, slice.votes().size() * 35 / 100);
        VoteDriver.Run run = VoteDriver.closed("kill", List.of(a.url()), sealed, 8, TimeUnit.SECONDS.toNanos(300),
                wire, attempt -> {
                    if (attempt.status() == 200 && answered.incrementAndGet() == killAfter && killed.compareAndSet(false, true)) {
                        try {
                            killedAt.set(System.nanoTime());
                            a.kill9();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        long inboxAtKill = db.count("SELECT COUNT(*) FROM inbound_message WHERE dedupe_key LIKE ?",
                "lf-kill-" + runTag + "-%");
        long unprocessedAtKill = db.count("SELECT COUNT(*) FROM inbound_message WHERE dedupe_key LIKE ? AND processed_at IS NULL",
                "lf-kill-" + runTag + "-%");
        a.start();
        Duration restart = a.awaitReady(Duration.ofMinutes(4));
        double sinceKill = (System.nanoTime() - killedAt.get()) / 1e9;
        List<VoteDriver.Attempt> all = retry(slice, List.of(a.url()), run.attempts, 3, 1_000);
        Duration settled = awaitProcessed(slice, Duration.ofSeconds(180));
        check(slice, all, notes);
        int recoveredReplies = (int) fake.responseUrlReplies.stream().filter(m -> m.startsWith("lf-kill-")).count();
        notes.add(String.format(Locale.ROOT, "bot-a was killed with SIGKILL after %d votes were answered; at that moment "
                        + "%d messages of the slice were in the inbox, %d of them not yet processed (taken in, no answer "
                        + "sent). Restart to health UP took %.1f s (%.1f s after the kill). The unanswered votes were "
                        + "delivered again; the recovery job finished every stalled message %s and sent %d replies "
                        + "through response_url.", killAfter, inboxAtKill, unprocessedAtKill,
                restart.toMillis() / 1000.0, sinceKill,
                settled == null ? "NOT within 180 s" : "within " + settled.toSeconds() + " s", recoveredReplies));
        notes.add(closeSlice(slice, "after the restart"));
    }

    /** Moves the slice's deadlines to now and waits until each round is closed, once, with one outcome queued. */
    private String closeSlice(Slice slice, String when) throws Exception {
        String rounds = slice.roundIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        db.update("UPDATE round SET closing_at = ? WHERE id IN (" + rounds + ")", Db.utc(Instant.now().plusSeconds(1)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        long closed = 0;
        while (System.nanoTime() < deadline) {
            closed = db.count("SELECT COUNT(*) FROM round WHERE closed_at IS NOT NULL AND id IN (" + rounds + ")");
            if (closed == slice.roundIds().size()) {
                break;
            }
            Thread.sleep(500);
        }
        long outcomes = db.count("SELECT COUNT(*) FROM outcome WHERE round_id IN (" + rounds + ")");
        long audits = db.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'round.closed' AND round_id IN (" + rounds + ")");
        long queued = db.count("SELECT COUNT(*) FROM outbox WHERE kind = 'OUTCOME' AND round_id IN (" + rounds + ")");
        boolean ok = closed == slice.roundIds().size() && outcomes == closed && audits == closed && queued == closed;
        if (!ok) {
            report.problem("fault test " + slice.test() + ": of " + slice.roundIds().size() + " rounds " + closed
                    + " closed, " + outcomes + " outcomes, " + audits + " close records, " + queued + " outcomes queued");
        }
        return String.format(Locale.ROOT, "Closing %s: %d of %d rounds closed, %d outcomes, %d \"round.closed\" records, "
                + "%d outcome announcements queued — %s.", when, closed, slice.roundIds().size(), outcomes, audits,
                queued, ok ? "each once" : "**not each once**");
    }

    private void faultRedis(List<String> notes) throws Exception {
        Slice slice = slice("redis");
        // Every fifth vote is delivered twice in a row, so that some repeats arrive while Redis is down.
        List<RobotWire.Sealed> sealed = new ArrayList<>();
        for (int i = 0; i < slice.votes().size(); i++) {
            sealed.add(wire.seal(slice.votes().get(i)));
            if (i % 5 == 0) {
                sealed.add(wire.seal(slice.votes().get(i)));
            }
        }
        AtomicInteger progress = new AtomicInteger();
        AtomicLong stoppedAt = new AtomicLong(Long.MAX_VALUE);
        AtomicLong backAt = new AtomicLong(Long.MAX_VALUE);
        int stopAfter = sealed.size() * 30 / 100;
        int backAfter = sealed.size() * 65 / 100;
        long runStart = System.nanoTime();
        VoteDriver.Run run = VoteDriver.closed("redis", List.of(a.url()), sealed, 8, TimeUnit.SECONDS.toNanos(300),
                wire, attempt -> {
                    int n = progress.incrementAndGet();
                    try {
                        if (n == stopAfter) {
                            services.stopRedis();
                            stoppedAt.set(System.nanoTime() - runStart);
                        } else if (n == backAfter) {
                            services.start();
                            backAt.set(System.nanoTime() - runStart);
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        List<VoteDriver.Attempt> all = retry(slice, List.of(a.url()), run.attempts, 3, 1_000);
        Duration settled = awaitProcessed(slice, Duration.ofSeconds(150));
        check(slice, all, notes);
        Map<String, List<Long>> phases = new LinkedHashMap<>();
        for (VoteDriver.Attempt x : run.attempts) {
            if (x.status() != 200) {
                continue;
            }
            String phase = x.startedNanos() < stoppedAt.get() ? "before" : x.startedNanos() < backAt.get()
                    ? "Redis down" : "after Redis returned";
            phases.computeIfAbsent(phase, k -> new ArrayList<>()).add(x.nanos());
        }
        StringBuilder latency = new StringBuilder();
        phases.forEach((phase, list) -> {
            long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
            latency.append(String.format(Locale.ROOT, "%s: %d answers, p50 %.1f ms, p99 %.1f ms; ", phase, sorted.length,
                    VoteDriver.Run.percentile(sorted, 50), VoteDriver.Run.percentile(sorted, 99)));
        });
        // Is Redis used again? Deliver a stored vote again (a repeat changes nothing) until its de-duplication key
        // reappears in Redis: Lettuce reconnects on its own, with a back-off.
        RobotWire.Vote probe = slice.votes().get(0);
        String probeKey = "yunxie:wecom:seen:wecom_robot:" + probe.msgid();
        double usedAgainAfter = Double.NaN;
        long probeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (var client = VoteDriver.client(1)) {
            while (System.nanoTime() < probeDeadline) {
                services.redis("DEL", probeKey);
                VoteDriver.send(client, a.url(), wire.seal(probe), null, System.nanoTime(), runStart);
                if ("1".equals(services.redis("EXISTS", probeKey))) {
                    usedAgainAfter = (System.nanoTime() - runStart - backAt.get()) / 1e9;
                    break;
                }
                Thread.sleep(500);
            }
        }
        notes.add("Redis was stopped (SIGTERM; it keeps nothing, so it came back empty) after " + stopAfter
                + " deliveries and started again after " + backAfter + ". " + latency);
        notes.add(String.format(Locale.ROOT, "Recovery: the bot wrote its de-duplication keys to Redis again %s after "
                        + "Redis returned (Lettuce reconnects by itself, with a back-off); every message processed %s.",
                Double.isNaN(usedAgainAfter) ? "NOT within 120 s" : String.format(Locale.ROOT, "%.1f s", usedAgainAfter),
                settled == null ? "NOT within 150 s" : "within " + settled.toSeconds() + " s"));
        if (Double.isNaN(usedAgainAfter)) {
            report.problem("fault test redis: the bot did not use Redis again within 120 s after it returned");
        }
    }

    private void faultDatabase(List<String> notes) throws Exception {
        Slice slice = slice("db");
        List<RobotWire.Sealed> sealed = seal(slice.votes());
        AtomicInteger progress = new AtomicInteger();
        AtomicLong downAt = new AtomicLong(Long.MAX_VALUE);
        AtomicLong upAt = new AtomicLong(Long.MAX_VALUE);
        int outage = o.integer("db-outage-seconds", 10, 5);
        int stopAfter = Math.max(1, sealed.size() * 30 / 100);
        long runStart = System.nanoTime();
        Thread[] restarter = new Thread[1];
        AtomicLong dbBackTook = new AtomicLong();
        VoteDriver.Run run = VoteDriver.closed("db", List.of(a.url()), sealed, 8, TimeUnit.SECONDS.toNanos(400),
                wire, attempt -> {
                    if (progress.incrementAndGet() == stopAfter) {
                        try {
                            services.killDb();
                            downAt.set(System.nanoTime() - runStart);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                        restarter[0] = new Thread(() -> {
                            try {
                                Thread.sleep(outage * 1000L);
                                dbBackTook.set(services.start().toMillis());
                                upAt.set(System.nanoTime() - runStart);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        restarter[0].start();
                    }
                });
        if (restarter[0] != null) {
            restarter[0].join(120_000);
        }
        // Answers while the database was down.
        Map<String, Integer> during = new TreeMap<>();
        List<Long> downLatencies = new ArrayList<>();
        for (VoteDriver.Attempt x : run.attempts) {
            if (x.startedNanos() >= downAt.get() && x.startedNanos() < upAt.get()) {
                during.merge(x.status() == 200 ? "200 " + x.reading().answer() : x.status() == VoteDriver.TIMEOUT
                        ? "no answer within 5 s" : "HTTP " + x.status(), 1, Integer::sum);
                downLatencies.add(x.nanos());
            }
        }
        long[] sorted = downLatencies.stream().mapToLong(Long::longValue).sorted().toArray();
        List<VoteDriver.Attempt> all = retry(slice, List.of(a.url()), run.attempts, 3, 2_000);
        Duration settled = awaitProcessed(slice, Duration.ofSeconds(180));
        check(slice, all, notes);
        notes.add(String.format(Locale.ROOT, "MariaDB was killed (SIGKILL) after %d deliveries and started again %d s "
                        + "later (its start with crash recovery took %.1f s). Deliveries made while it was down: %s; "
                        + "their answer times p50 %.0f ms, max %.0f ms. After it returned, the unanswered votes were "
                        + "delivered again and every stalled inbox message was finished %s.", stopAfter, outage,
                dbBackTook.get() / 1000.0, during, VoteDriver.Run.percentile(sorted, 50),
                VoteDriver.Run.percentile(sorted, 100), settled == null ? "NOT within 180 s" : "within "
                        + settled.toSeconds() + " s"));
        boolean non200 = during.keySet().stream().anyMatch(k -> k.startsWith("HTTP 5"));
        if (!non200) {
            notes.add("While the database was down no delivery was answered with a 5xx status within WeCom's 5 s.");
            report.problem("fault test db: callbacks were not answered non-200 within 5 s while MariaDB was down: " + during);
        }
    }

    private void faultTwoInstances(List<String> notes) throws Exception {
        Slice slice = slice("two");
        if (b == null) {
            b = bot("bot-b", o.integer("port-b", 18082, 18086));
            Duration ready = start(b);
            notes.add(String.format(Locale.ROOT, "bot-b started on the same database and Redis (health UP after %.1f s); "
                    + "from here on both instances run the clustered Quartz jobs.", ready.toMillis() / 1000.0));
        }
        VoteDriver.Run run = VoteDriver.closed("two", List.of(a.url(), b.url()), seal(slice.votes()), 8,
                TimeUnit.SECONDS.toNanos(300), wire, null);
        check(slice, new ArrayList<>(run.attempts), notes);
        notes.add("Votes went to the two instances in turn, as a load balancer in front of them would send them.");
        long postsBefore = System.currentTimeMillis();
        notes.add(closeSlice(slice, "with two instances running"));
        // Wait until each outcome has been posted, then count the posts per round.
        String rounds = slice.roundIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline && db.count("SELECT COUNT(*) FROM outbox WHERE kind = 'OUTCOME' AND sent_at"
                + " IS NULL AND round_id IN (" + rounds + ")") > 0) {
            Thread.sleep(1_000);
        }
        Thread.sleep(2_000);
        Map<String, Integer> texts = new HashMap<>();
        Map<String, Integer> images = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (Map<String, Object> row : db.rows("SELECT r.number, g.robot_webhook_key k FROM round r JOIN chat_group g"
                + " ON g.id = r.chat_group_id WHERE r.id IN (" + rounds + ")")) {
            keys.add(row.get("k") + "#" + row.get("number"));
        }
        for (FakeWecom.Post post : fake.posts) {
            if (post.atMillis() < postsBefore) {
                continue;
            }
            if (post.outcomeNumber() != null) {
                texts.merge(post.key() + "#" + post.outcomeNumber(), 1, Integer::sum);
            } else if ("image".equals(post.msgtype())) {
                images.merge(post.key(), 1, Integer::sum);
            }
        }
        long once = keys.stream().filter(k -> texts.getOrDefault(k, 0) == 1).count();
        long twice = keys.stream().filter(k -> texts.getOrDefault(k, 0) > 1).count();
        long missing = keys.stream().filter(k -> texts.getOrDefault(k, 0) == 0).count();
        long imagesTwice = images.values().stream().filter(n -> n > 1).count();
        notes.add(String.format(Locale.ROOT, "Outcomes posted to the groups' robots: %d rounds posted exactly once, %d "
                + "more than once, %d not posted; charts posted more than once in %d groups.", once, twice, missing,
                imagesTwice));
        if (twice > 0 || missing > 0 || imagesTwice > 0) {
            report.problem("fault test two: outcomes posted twice " + twice + ", not posted " + missing);
        }
    }

    // -------------------------------------------------------------------------------------------- storm

    private void storm() throws Exception {
        report.section("Closing storm and the outbox");
        String which = "(title LIKE '" + RosterSeeder.MAIN + "%' OR title LIKE '" + RosterSeeder.HOT + "%')";
        long rounds = db.count("SELECT COUNT(*) FROM round WHERE closed_at IS NULL AND " + which);
        int lead = o.integer("storm-lead-seconds", 15, 3);
        Instant due = Instant.now().plusSeconds(lead).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        db.update("UPDATE round SET closing_at = ? WHERE closed_at IS NULL AND " + which, Db.utc(due));
        long dueMillis = due.toEpochMilli();
        int instances = (int) bots.stream().filter(BotInstance::alive).count();
        report.format("%d open polls (one per group, %d of them in group 1) were given the same deadline, %s, with "
                        + "%d bot instance(s) running (the closing job runs every %s on one of them at a time; outbox "
                        + "every 3 s, 100 messages a run).", rounds, 1 + o.integer("hot-rounds", 14, 2), due, instances,
                o.get("closing-interval", "10s", "2s"));
        long timeout = TimeUnit.SECONDS.toNanos(o.integer("storm-timeout", 900, 90));
        long start = System.nanoTime();
        long closed = 0;
        long queued = 0;
        List<String> progress = new ArrayList<>();
        long lastLog = 0;
        while (System.nanoTime() - start < timeout) {
            closed = db.count("SELECT COUNT(*) FROM round WHERE closed_at IS NOT NULL AND " + which);
            queued = db.count("SELECT COUNT(*) FROM outbox o JOIN round r ON r.id = o.round_id WHERE o.kind = 'OUTCOME'"
                    + " AND " + which.replace("title", "r.title"));
            if (System.nanoTime() - lastLog > TimeUnit.SECONDS.toNanos(10)) {
                lastLog = System.nanoTime();
                progress.add(String.format(Locale.ROOT, "t=%+6.1f s after the deadline: %d closed, %d outcomes queued",
                        (System.currentTimeMillis() - dueMillis) / 1000.0, closed, queued));
                System.out.println(progress.get(progress.size() - 1));
            }
            if (closed == rounds && queued == rounds) {
                break;
            }
            Thread.sleep(500);
        }
        Map<String, Object> span = db.rows("SELECT MIN(closed_at) first, MAX(closed_at) last FROM round WHERE "
                + which).get(0);
        Map<String, Object> queuedSpan = db.rows("SELECT MAX(o.created_at) last FROM outbox o JOIN round r ON r.id ="
                + " o.round_id WHERE o.kind = 'OUTCOME' AND " + which.replace("title", "r.title")).get(0);
        double firstClose = seconds(span.get("first"), dueMillis);
        double lastClose = seconds(span.get("last"), dueMillis);
        double lastQueued = seconds(queuedSpan.get("last"), dueMillis);
        long closeRecords = db.count("SELECT COUNT(*) FROM audit_entry e JOIN round r ON r.id = e.round_id WHERE"
                + " e.action = 'round.closed' AND " + which.replace("title", "r.title"));
        report.block(progress);
        report.format("All %d closed: %s; outcomes queued: %d (the last %.1f s after the deadline). First close %.1f s "
                        + "after the deadline, last %.1f s: %.0f rounds closed a second while closing. Each closed once: "
                        + "%d \"round.closed\" records, %d outcomes. Load average now %s.",
                rounds, closed == rounds ? "yes" : "**no, " + closed + "**", queued, lastQueued, firstClose, lastClose,
                (closed) / Math.max(0.001, lastClose - firstClose), closeRecords,
                db.count("SELECT COUNT(*) FROM outcome o JOIN round r ON r.id = o.round_id WHERE "
                        + which.replace("title", "r.title")), loadavg());
        if (closeRecords != closed) {
            report.problem("closing storm: " + closeRecords + " close records for " + closed + " closed rounds");
        }
        boolean done = closed == rounds && queued == rounds;
        report.target("closing storm: " + rounds + " rounds due at once → all closed, outcomes queued", "≤ 60 s",
                done ? String.format(Locale.ROOT, "%.1f s", Math.max(lastClose, lastQueued))
                        : "not done within the timeout (" + closed + " closed)", done && Math.max(lastClose, lastQueued) <= 60,
                instances + " instance(s); closing job every " + o.get("closing-interval", "10s", "2s"));
        drain(dueMillis, rounds, which);
    }

    private static double seconds(Object time, long dueMillis) {
        if (time == null) {
            return Double.NaN;
        }
        LocalDateTime utc = time instanceof LocalDateTime l ? l : ((java.sql.Timestamp) time).toLocalDateTime();
        return (utc.toInstant(ZoneOffset.UTC).toEpochMilli() - dueMillis) / 1000.0;
    }

    private void drain(long dueMillis, long rounds, String which) throws Exception {
        int observe = o.integer("drain-seconds", 120, 8);
        long until = dueMillis + observe * 1000L;
        while (System.currentTimeMillis() < until) {
            Thread.sleep(1_000);
        }
        String r = which.replace("title", "r.title");
        long sent = db.count("SELECT COUNT(*) FROM outbox o JOIN round r ON r.id = o.round_id WHERE o.kind = 'OUTCOME'"
                + " AND o.sent_at IS NOT NULL AND " + r);
        Map<String, Object> span = db.rows("SELECT MIN(o.sent_at) first, MAX(o.sent_at) last FROM outbox o JOIN round r"
                + " ON r.id = o.round_id WHERE o.kind = 'OUTCOME' AND o.sent_at IS NOT NULL AND " + r).get(0);
        double first = seconds(span.get("first"), dueMillis);
        double last = seconds(span.get("last"), dueMillis);
        double rate = sent / Math.max(0.001, last - first);
        Map<String, List<Long>> byKey = fake.timesByKey(dueMillis - 5_000);
        int posts = byKey.values().stream().mapToInt(List::size).sum();
        int[] busiest = FakeWecom.busiestMinute(byKey);
        List<Long> hot = byKey.getOrDefault(RosterSeeder.robotKey(0), List.of());
        Map<Long, Long> hotMinutes = new TreeMap<>();
        hot.forEach(t -> hotMinutes.merge(t / 60_000 - dueMillis / 60_000, 1L, Long::sum));
        long hotParts = 2L * (1 + o.integer("hot-rounds", 14, 2));
        double projected = rate <= 0 ? Double.NaN : first + rounds / rate;
        report.sub("Draining the outbox");
        report.format("Watched for %d s after the deadline: %d of %d outcome announcements sent (%d robot posts: text "
                        + "and chart), %.1f announcements a second from the first (%.1f s) to the last sent (%.1f s). At "
                        + "that pace all %d are out about %.0f s (%.1f min) after the deadline. The most posts any one "
                        + "robot got: %d in a calendar minute, %d within any 60 s; WeCom's 45009 (over 20 a minute) "
                        + "answered %d times.", observe, sent, rounds, posts, rate, first, last, rounds, projected,
                projected / 60, busiest[0], busiest[1], fake.refused.get());
        report.format("The busy group (group 1, %d announcements of 2 parts = %d posts through one robot): %d posted so "
                + "far, per minute since the deadline %s.", 1 + o.integer("hot-rounds", 14, 2), hotParts, hot.size(),
                hotMinutes);
        report.line("Rate-limit arithmetic: a group robot takes 20 posts a minute; an outcome is 2 posts (text and "
                + "chart), so one group can take 10 outcomes a minute, and 10,000 groups with a robot each are no "
                + "constraint. What bounds the drain is the sender: one Quartz job at a time (clustered), every 3 s, "
                + "100 messages a batch and batches back to back while they come full (up to a minute), the groups' "
                + "messages sent by 4 threads at once (yunxie.jobs.outbox-threads; "
                + "one group's in order), each rendered (text and PNG chart) and posted twice.");
        // The bot's limiter slides, so the stricter reading of WeCom's "20 a minute" is the one checked.
        boolean withinLimit = busiest[1] <= FakeWecom.ROBOT_PER_MINUTE && fake.refused.get() == 0;
        report.target("outbox within 20 posts/min per robot", "≤ 20 within any 60 s per robot", busiest[1]
                        + " within a sliding 60 s (" + busiest[0] + " in a calendar minute), " + fake.refused.get() + " refused",
                withinLimit, String.format(Locale.ROOT, "drain %.1f outcomes/s → %.1f min for %d", rate, projected / 60,
                        rounds));
    }

    // -------------------------------------------------------------------------------------------- tally

    private void tally() throws Exception {
        report.section("Tally of a " + o.integer("tally-households", 5_000, 1_000) + "-household poll");
        Rounds rounds = core.getBean(Rounds.class);
        CountingBallots counting = core.getBean(CountingBallots.class);
        Round round = rounds.find(tallyRoundId).orElseThrow();
        List<OptionSpec> options = rounds.options(round.id());
        List<RollEntry> roll = rounds.roll(round.id()).stream().map(RollHousehold::toEntry).toList();
        List<Stance> stances = new ArrayList<>();
        for (Map<String, Object> row : db.rows("SELECT household_id, choice FROM ballot WHERE round_id = ?", round.id())) {
            stances.add(new Stance(((Number) row.get("household_id")).longValue(),
                    Set.of(((String) row.get("choice")).charAt(0) - 'A' + 1)));
        }
        int fromDb = o.integer("tally-iterations", 200, 50);
        Decision decision = null;
        for (int i = 0; i < 20; i++) {
            decision = round.rule().decide(counting.count(round), options, round.maxChoices());
        }
        long[] fromDatabase = new long[fromDb];
        for (int i = 0; i < fromDb; i++) {
            long t = System.nanoTime();
            decision = round.rule().decide(counting.count(round), options, round.maxChoices());
            fromDatabase[i] = System.nanoTime() - t;
        }
        int inMemory = fromDb * 5;
        for (int i = 0; i < 200; i++) {
            round.rule().decide(Tally.of(roll, stances), options, round.maxChoices());
        }
        long[] mem = new long[inMemory];
        for (int i = 0; i < inMemory; i++) {
            long t = System.nanoTime();
            round.rule().decide(Tally.of(roll, stances), options, round.maxChoices());
            mem[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(fromDatabase);
        java.util.Arrays.sort(mem);
        Tally tally = decision.tally();
        report.format("Poll under %s (participation ≥2/3 of area and of owners by head; approval >1/2 of participating "
                        + "area and owners): %d eligible households, %d owner heads, %d households took part (%d heads); "
                        + "verdict %s, adopted %s.", round.rule().preset(), tally.eligible().households(),
                tally.eligible().heads(), tally.participating().households(), tally.participating().heads(),
                decision.verdict(), decision.adopted());
        report.table("", "runs", "p50 ms", "p99 ms", "max ms");
        report.row("CountingBallots.count (roll and ballots from MariaDB) + DecisionRule.decide", fromDb,
                fmt2(VoteDriver.Run.percentile(fromDatabase, 50)), fmt2(VoteDriver.Run.percentile(fromDatabase, 99)),
                fmt2(VoteDriver.Run.percentile(fromDatabase, 100)));
        report.row("Tally.of + decide on rows already in memory", inMemory, fmt2(VoteDriver.Run.percentile(mem, 50)),
                fmt2(VoteDriver.Run.percentile(mem, 99)), fmt2(VoteDriver.Run.percentile(mem, 100)));
        double p99 = VoteDriver.Run.percentile(fromDatabase, 99);
        report.target("tally of a " + tally.eligible().households() + "-household poll (area and head thresholds)",
                "≤ 20 ms", fmt2(p99) + " ms p99 from the database (" + fmt2(VoteDriver.Run.percentile(mem, 99))
                        + " ms in memory)", p99 <= 20, "core's CountingBallots and DecisionRule, measured in a loop "
                        + "after warm-up, no bot running");
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
            return value.isBlank() ? List.of() : List.of(value.split(","));
        }

        List<Integer> ints(String key, String full, String smoke) {
            return list(key, full, smoke).stream().map(String::strip).map(Integer::parseInt).toList();
        }
    }
}
