package org.yunxie.bot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What the steps of one harness run share: the options and the report, the services, the fake WeCom, the
 * bots, and the one random source every vote is drawn from. A single random source, so that a given seed
 * yields the same votes in the same order whichever step draws them.
 *
 * <p>Fields are set by {@link LoadHarness} and by the step that creates the thing (the seeding sets the core
 * context and the tally poll, the ingestion the voters); later steps only read them.
 */
final class HarnessContext {

    final LoadHarness.Options o;
    final Report report = new Report();
    final Path out;
    final Path pidFile;
    final SplittableRandom random;
    final String runTag = Long.toString(System.currentTimeMillis() % 2_000_000_000L, 36);
    final AtomicLong sequence = new AtomicLong();
    final List<BotInstance> bots = new ArrayList<>();
    final String sealKey = randomKey();
    final String linkKey = randomKey();

    Db db;
    Services services;
    FakeWecom fake;
    RobotWire wire;
    HttpServer echo;
    String echoUrl;
    ConfigurableApplicationContext core;
    BotInstance a;
    BotInstance b;
    BotInstance compare;
    long tallyRoundId;
    /** Bound members of the main polls; drawn from by the ingestion, the open loop and the profile. */
    List<Voter> mainVoters;
    /** Votes answered 200 by bot-a across the ingestion, the open loop and the profile. */
    long ingestionAcked;
    /** Bot-a's uptime when the measured ingestion began: where its heap figures start. */
    double ingestionGcFrom;
    /** Bot-a's best closed-loop rate: sizes the profile's batch of votes. */
    double bestPerSecond;

    HarnessContext(LoadHarness.Options options) throws IOException {
        this.o = options;
        this.out = Path.of(o.get("out", "target/load", "target/load-smoke")).toAbsolutePath();
        Files.createDirectories(out);
        this.pidFile = out.resolve("pids");
        Files.deleteIfExists(pidFile);
        this.random = new SplittableRandom(o.integer("seed", 20_261_127, 20_261_127));
    }

    String redisUrl() {
        return "redis://127.0.0.1:" + o.integer("redis-port", 37379, 37379);
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    // --------------------------------------------------------------------------------------------- bots

    List<String> jvmArgs() {
        List<String> args = new ArrayList<>();
        String heap = o.get("bot-heap", "512m", "512m");
        if (!heap.isBlank()) {
            args.add("-Xmx" + heap);
        }
        args.addAll(o.list("bot-jvm", "", ""));
        return args;
    }

    /** KEY=VALUE pairs as a map, in their order (a later one wins). */
    static Map<String, String> settings(List<String> pairs) {
        Map<String, String> settings = new java.util.LinkedHashMap<>();
        for (String pair : pairs) {
            String[] kv = pair.split("=", 2);
            settings.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return settings;
    }

    BotInstance bot(String name, int port) {
        return bot(name, port, Path.of(o.require("jar")), List.of());
    }

    /** A bot of the given build; {@code moreEnv} (KEY=VALUE) on top of --bot-env, e.g. settings to compare. */
    BotInstance bot(String name, int port, Path jar, List<String> moreEnv) {
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
        env.put("YUNXIE_JOBS_CLOSING_INTERVAL", o.get("closing-interval", "5s", "2s"));
        List<String> pairs = new ArrayList<>(o.list("bot-env", "", ""));
        pairs.addAll(moreEnv);
        env.putAll(settings(pairs));
        BotInstance bot = new BotInstance(name, jar, out.resolve(name), port, env, jvmArgs(), pidFile);
        bots.add(bot);
        return bot;
    }

    static Duration start(BotInstance bot) throws Exception {
        bot.start();
        return bot.awaitReady(Duration.ofMinutes(4));
    }

    /** The bots the ingestion is measured on: bot-a, and with --compare-jar a second build beside it. */
    List<BotInstance> measured() {
        return compare == null ? List.of(a) : List.of(a, compare);
    }

    String label(BotInstance bot) {
        return bot == a ? (compare == null ? "bot" : o.get("label", "this build", "this build"))
                : o.get("compare-label", "compared build", "compared build");
    }

    void shutdown() {
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

    List<Voter> voters(String titlePrefix, boolean onePerHousehold) throws Exception {
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

    RobotWire.Vote vote(Voter voter, String msgid) {
        int pick = random.nextInt(10);
        String choice = RobotWire.CHOICES[pick < 6 ? 0 : pick < 9 ? 1 : 2];
        return new RobotWire.Vote(msgid, voter.userid(), voter.chatId(), voter.number(), voter.roundId(),
                voter.householdId(), voter.unitLabel(), voter.nameUnit(), choice);
    }

    /**
     * Waits (up to {@code limit}) until every ingestion message taken in for later has been processed; the
     * seconds it took, or NaN when some were still waiting at the limit.
     */
    double awaitBacklog(Duration limit) throws Exception {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        while (db.count("SELECT COUNT(*) FROM inbound_message WHERE processed_at IS NULL AND dedupe_key LIKE ?",
                "ld-" + runTag + "-%") > 0) {
            if (System.nanoTime() > deadline) {
                return Double.NaN;
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Waits, at most {@code limit}, until the bots, MariaDB and Redis together use less than a tenth of a core
     * for two seconds running: after a heavy run InnoDB goes on writing back and purging for a while, and the
     * build measured next would pay for it. Says what it saw and how long it waited.
     */
    String awaitQuiet(Duration limit) throws Exception {
        List<Long> pids = new ArrayList<>(bots.stream().map(BotInstance::pid).toList());
        pids.add(services.pid("mariadb.pid"));
        pids.add(services.pid("redis.pid"));
        long start = System.nanoTime();
        double first = Double.NaN;
        int quietSeconds = 0;
        while (quietSeconds < 2 && System.nanoTime() - start < limit.toNanos()) {
            long before = cpuNanos(pids);
            Thread.sleep(1_000);
            double cores = (cpuNanos(pids) - before) / 1e9;
            first = Double.isNaN(first) ? cores : first;
            quietSeconds = cores < 0.1 ? quietSeconds + 1 : 0;
        }
        return String.format(java.util.Locale.ROOT, "%.2f cores busy in the bots, MariaDB and Redis before it; "
                + "waited %.0f s for them to go quiet%s", first, (System.nanoTime() - start) / 1e9,
                quietSeconds < 2 ? " (they did not)" : "");
    }

    private static long cpuNanos(List<Long> pids) {
        return pids.stream().mapToLong(HarnessContext::cpuOf).sum();
    }

    /** CPU time so far (user and system, ns) of a process; 0 once it is gone. */
    static long cpuOf(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    List<RobotWire.Sealed> loadVotes(List<Voter> voters, int count) {
        List<RobotWire.Sealed> sealed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Voter voter = voters.get(random.nextInt(voters.size()));
            sealed.add(wire.seal(vote(voter, "ld-" + runTag + "-" + sequence.incrementAndGet())));
        }
        return sealed;
    }
}
