package org.yunxie.bot.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

/**
 * An empty database and Redis, then the district: communities, building groups, households, members and
 * their open polls, seeded through core's own use cases so that the rounds are what the bot would open.
 */
final class Seeding {

    private final HarnessContext ctx;
    private final LoadHarness.Options o;
    private final Report report;
    private final Db db;
    private final Services services;

    Seeding(HarnessContext ctx) {
        this.ctx = ctx;
        this.o = ctx.o;
        this.report = ctx.report;
        this.db = ctx.db;
        this.services = ctx.services;
    }

    /** Drops and creates the harness's database and empties Redis: every run starts from nothing. */
    void freshDatabase(String server, String params, String dbName) throws Exception {
        try (Connection c = DriverManager.getConnection(server + "?" + params, o.get("db-user", "root", "root"),
                o.get("db-password", "", "")); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + dbName);
            s.execute("CREATE DATABASE " + dbName + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        services.redis("FLUSHALL");
    }

    void seed(String seedingUrl) throws Exception {
        report.section("Seeding");
        long start = System.nanoTime();
        ctx.core = CoreContext.start(seedingUrl, o.get("db-user", "root", "root"), o.get("db-password", "", ""),
                ctx.redisUrl(), ctx.sealKey);
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
        RosterSeeder.Seeded seeded = new RosterSeeder(db, plan).seed(ctx.core);
        report.format("%d communities, %d building groups (each a WeCom chat with its own group robot), %d households "
                        + "(about 2 %% vacant, 5 %% of owners own two units), %d members each with a WeCom userid; "
                        + "%d rounds drafted and opened through core's DraftingRound/OpeningRound (one poll a group, "
                        + "%d extra in group 1, one more a group in each fault test's slice, the tally poll). "
                        + "Schema and core context %.1f s, roster by batched SQL %.1f s, rounds %.1f s.",
                seeded.communities() + 1, seeded.groups() + 1, seeded.households(), seeded.members(), seeded.rounds(),
                plan.hotRounds(), boot, seeded.roster().toMillis() / 1000.0, seeded.rounds_().toMillis() / 1000.0);
        report.format("Fault tests run here: %s (%d groups each).", faults, plan.faultGroupsPerTest());
        if (seeded.deadlocks() > 0) {
            Path file = ctx.out.resolve("innodb-status-after-seeding.txt");
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
        ctx.tallyRoundId = seeded.tallyRoundId();
    }
}
