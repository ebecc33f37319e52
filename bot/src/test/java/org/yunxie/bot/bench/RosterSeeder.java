package org.yunxie.bot.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ConfigurableApplicationContext;
import org.yunxie.core.round.DraftingRound;
import org.yunxie.core.round.OpeningRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.rule.DecisionRule;
import org.yunxie.core.rule.RulePreset;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Result;

/**
 * Seeds a district at scale into an empty schema: communities of building groups, each group a WeCom chat
 * bound to one building, households with floor areas (a few vacant), owners (some owning two units, which
 * then count once by head), family and tenants, every member with a WeCom userid, one staff member per
 * community. The roster goes in with batched SQL (the use cases would take an hour at this size); rounds
 * are drafted and opened through core's own use cases, so each roll, head key, reminder and rule is frozen
 * exactly as in production.
 *
 * <p>Rounds, by the tag in their title: {@code [main]} one open poll per group (the ingestion load and the
 * closing storm), {@code [hot]} extra polls in group 1 (to load one robot beyond its 20 posts a minute),
 * {@code [fault:NAME]} one more poll per group of each fault test's slice, {@code [tally]} one poll over a
 * building of {@code tallyHouseholds} households under the Civil Code rule, with ballots.
 */
final class RosterSeeder {

    static final String MAIN = "[main]";
    static final String HOT = "[hot]";
    static final String TALLY = "[tally]";

    static String fault(String test) {
        return "[fault:" + test + "]";
    }

    record Plan(int households, int groups, int groupsPerCommunity, int tallyHouseholds, int hotRounds,
                List<String> faultTests, int faultGroupsPerTest, long seed) {

        int communities() {
            return (groups + groupsPerCommunity - 1) / groupsPerCommunity;
        }

        /** The groups (0-based) whose fault round belongs to the {@code index}-th fault test. */
        int faultFrom(int index) {
            return groups - (index + 1) * faultGroupsPerTest;
        }
    }

    record Seeded(int communities, int groups, int households, int members, int rounds, long tallyRoundId,
                  Duration roster, Duration rounds_, Duration total, int deadlocks) {
    }

    private final Db db;
    private final Plan plan;
    private final Instant now = Instant.now();
    private final String nowText = Db.utc(now);

    RosterSeeder(Db db, Plan plan) {
        this.db = db;
        this.plan = plan;
    }

    Seeded seed(ConfigurableApplicationContext core) throws Exception {
        long start = System.nanoTime();
        int[] counts = roster();
        long rosterDone = System.nanoTime();
        int rounds = rounds(core);
        long tallyRound = tallyBallots();
        // The openings were announced long ago: the load starts from a quiet outbox.
        db.update("UPDATE outbox SET sent_at = ?, attempts = 1 WHERE kind = 'ROUND_OPENED' AND sent_at IS NULL",
                nowText);
        long end = System.nanoTime();
        return new Seeded(plan.communities(), plan.groups(), counts[0], counts[1], rounds, tallyRound,
                Duration.ofNanos(rosterDone - start), Duration.ofNanos(end - rosterDone), Duration.ofNanos(end - start),
                deadlocks.get());
    }

    /** Returns {households, members}. */
    private int[] roster() throws SQLException {
        SplittableRandom random = new SplittableRandom(plan.seed());
        int communities = plan.communities();
        long householdId = 0;
        long memberId = 0;
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (var statement = c.createStatement()) {
                // Rows are consistent by construction; the batches of different tables flush in any order.
                statement.execute("SET SESSION foreign_key_checks = 0");
            }
            Batch community = new Batch(c, "INSERT INTO community (id, name, created_at) VALUES (?, ?, ?)");
            Batch staff = new Batch(c, "INSERT INTO staff (community_id, display_name, role, wecom_userid, created_at)"
                    + " VALUES (?, ?, 'STAFF', ?, ?)");
            Batch building = new Batch(c, "INSERT INTO building (id, community_id, name, created_at) VALUES (?, ?, ?, ?)");
            Batch group = new Batch(c, "INSERT INTO chat_group (id, community_id, name, created_at, wecom_chat_id,"
                    + " post_via, robot_webhook_key) VALUES (?, ?, ?, ?, ?, ?, ?)");
            Batch groupBuilding = new Batch(c, "INSERT INTO chat_group_building (chat_group_id, building_id) VALUES (?, ?)");
            Batch household = new Batch(c, "INSERT INTO household (id, community_id, building_id, unit_label, floor_area,"
                    + " ineligible_reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)");
            Batch member = new Batch(c, "INSERT INTO member (id, display_name, created_at) VALUES (?, ?, ?)");
            Batch identity = new Batch(c, "INSERT INTO member_identity (member_id, kind, external_id, created_at)"
                    + " VALUES (?, 'WECOM_USER', ?, ?)");
            Batch binding = new Batch(c, "INSERT INTO household_member (household_id, member_id, role, bound_at)"
                    + " VALUES (?, ?, ?, ?)");
            for (int k = 0; k < communities; k++) {
                community.add(k + 1, String.format(Locale.ROOT, "负载%03d社区", k + 1), nowText);
                staff.add(k + 1, "社工" + (k + 1), "ls" + (k + 1), nowText);
            }
            community.flush();
            int base = plan.households() / plan.groups();
            int extra = plan.households() % plan.groups();
            for (int g = 0; g < plan.groups(); g++) {
                long communityId = g / plan.groupsPerCommunity() + 1;
                int number = g % plan.groupsPerCommunity() + 1;
                long id = g + 1;
                building.add(id, communityId, number + "号楼", nowText);
                group.add(id, communityId, number + "号楼群", nowText, chatId(g), "ROBOT_WEBHOOK", robotKey(g));
                groupBuilding.add(id, id);
                int size = base + (g < extra ? 1 : 0);
                long previousOwner = -1;
                boolean ownerTakesNext = false;
                for (int i = 0; i < size; i++) {
                    householdId++;
                    String label = number + "-" + (1 + i / 12) + "-" + (1 + (i % 12) / 2) + "0" + (1 + i % 2);
                    BigDecimal area = BigDecimal.valueOf(5_500 + random.nextInt(9_000), 2);
                    boolean vacant = random.nextInt(100) < 2;
                    household.add(householdId, communityId, id, label, area, vacant ? "空置" : null, nowText);
                    long owner;
                    if (ownerTakesNext) {
                        owner = previousOwner;
                        ownerTakesNext = false;
                    } else {
                        owner = ++memberId;
                        member.add(owner, "业主" + owner, nowText);
                        identity.add(owner, "lm" + owner, nowText);
                        ownerTakesNext = random.nextInt(100) < 5;
                    }
                    previousOwner = owner;
                    binding.add(householdId, owner, "OWNER", nowText);
                    int other = random.nextInt(100);
                    if (other < 30) {
                        long resident = ++memberId;
                        member.add(resident, (other < 20 ? "家属" : "租户") + resident, nowText);
                        identity.add(resident, "lm" + resident, nowText);
                        binding.add(householdId, resident, other < 20 ? "FAMILY" : "TENANT", nowText);
                    }
                }
            }
            // The tally's building: one community, one large building, owners of several units and co-owners.
            long tallyCommunity = communities + 1L;
            long tallyBuilding = plan.groups() + 1L;
            community.add(tallyCommunity, "计票社区", nowText);
            staff.add(tallyCommunity, "计票社工", "ls-tally", nowText);
            building.add(tallyBuilding, tallyCommunity, "1号楼", nowText);
            group.add(tallyBuilding, tallyCommunity, "计票楼群", nowText, null, "NONE", null);
            groupBuilding.add(tallyBuilding, tallyBuilding);
            long previousOwner = -1;
            for (int i = 0; i < plan.tallyHouseholds(); i++) {
                householdId++;
                String label = "1-" + (1 + i / 100) + "-" + (1 + (i % 100) / 4) + "0" + (1 + i % 4);
                household.add(householdId, tallyCommunity, tallyBuilding, label,
                        BigDecimal.valueOf(4_000 + random.nextInt(16_000), 2), random.nextInt(100) < 1 ? "未售" : null,
                        nowText);
                long owner;
                if (previousOwner > 0 && random.nextInt(100) < 8) {
                    owner = previousOwner;
                } else {
                    owner = ++memberId;
                    member.add(owner, "业主" + owner, nowText);
                    identity.add(owner, "lm" + owner, nowText);
                }
                binding.add(householdId, owner, "OWNER", nowText);
                if (random.nextInt(100) < 4) {
                    long coOwner = ++memberId;
                    member.add(coOwner, "共有人" + coOwner, nowText);
                    identity.add(coOwner, "lm" + coOwner, nowText);
                    binding.add(householdId, coOwner, "OWNER", nowText);
                }
                previousOwner = owner;
            }
            for (Batch batch : List.of(community, staff, building, group, groupBuilding, household, member, identity,
                    binding)) {
                batch.flush();
            }
            c.commit();
            for (Batch batch : List.of(community, staff, building, group, groupBuilding, household, member, identity,
                    binding)) {
                batch.close();
            }
        }
        return new int[] {(int) householdId, (int) memberId};
    }

    static String chatId(int group) {
        return "wrLoad" + (group + 1);
    }

    static String robotKey(int group) {
        return "load-robot-" + (group + 1);
    }

    /** Drafts and opens every round through core's use cases, a thread per share of the communities. */
    private int rounds(ConfigurableApplicationContext core) throws Exception {
        DraftingRound drafting = core.getBean(DraftingRound.class);
        OpeningRound opening = core.getBean(OpeningRound.class);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger opened = new AtomicInteger();
        Instant closing = now.plus(Duration.ofDays(7));
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int share = t;
            work.add(pool.submit(() -> {
                for (int k = share; k <= plan.communities(); k += threads) {
                    long communityId = k + 1;
                    Actor staff = Actor.staff(communityId <= plan.communities() ? "ls" + communityId : "ls-tally",
                            "负载社工");
                    if (communityId > plan.communities()) {
                        RoundDraft draft = RoundDraft.poll(communityId, (long) plan.groups() + 1,
                                TALLY + " 小区外立面改造（民法典第278条）", closing)
                                .rule(DecisionRule.of(RulePreset.CIVIL_CODE_ORDINARY)).build();
                        open(drafting, opening, draft, staff);
                        opened.incrementAndGet();
                        continue;
                    }
                    int from = (int) (communityId - 1) * plan.groupsPerCommunity();
                    int to = Math.min(plan.groups(), from + plan.groupsPerCommunity());
                    for (int g = from; g < to; g++) {
                        boolean civil = g % 5 == 4;
                        boolean secret = g % 10 == 3;
                        RoundDraft draft = RoundDraft.poll(communityId, (long) g + 1, MAIN + " 加装电梯意见征询 " + (g + 1),
                                        closing)
                                .rule(DecisionRule.of(civil ? RulePreset.CIVIL_CODE_ORDINARY : RulePreset.SIMPLE_MAJORITY))
                                .secrecy(secret, false).build();
                        open(drafting, opening, draft, staff);
                        opened.incrementAndGet();
                        if (g == 0) {
                            for (int h = 0; h < plan.hotRounds(); h++) {
                                open(drafting, opening, RoundDraft.poll(communityId, 1L, HOT + " 楼道议题 " + (h + 1),
                                        closing).build(), staff);
                                opened.incrementAndGet();
                            }
                        }
                        for (int f = 0; f < plan.faultTests().size(); f++) {
                            if (g >= plan.faultFrom(f) && g < plan.faultFrom(f) + plan.faultGroupsPerTest()) {
                                open(drafting, opening, RoundDraft.poll(communityId, (long) g + 1,
                                        fault(plan.faultTests().get(f)) + " 楼道照明改造 " + (g + 1), closing).build(),
                                        staff);
                                opened.incrementAndGet();
                            }
                        }
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return opened.get();
    }

    /** Deadlocks MariaDB reported while rounds of different communities were drafted or opened at once. */
    final AtomicInteger deadlocks = new AtomicInteger();

    private void open(DraftingRound drafting, OpeningRound opening, RoundDraft draft, Actor staff) {
        Result<Round> drafted = retrying(() -> drafting.draft(draft, staff, Channel.CONSOLE));
        if (!drafted.isDone()) {
            throw new IllegalStateException("draft refused: " + drafted);
        }
        Result<Round> opened = retrying(() -> opening.open(drafted.orElseThrow().id(), staff, Channel.CONSOLE));
        if (!opened.isDone()) {
            throw new IllegalStateException("opening refused: " + opened);
        }
    }

    /** The use cases try a deadlock victim again up to 3 times; should one still fail, the seeder counts it and goes on. */
    private <T> T retrying(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (org.springframework.dao.TransientDataAccessException e) {
                deadlocks.incrementAndGet();
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** Ballots of most of the tally building (choices A 62 %, B 28 %, C 10 %), written directly. */
    private long tallyBallots() throws SQLException {
        long roundId = db.count("SELECT id FROM round WHERE title LIKE ?", TALLY + "%");
        SplittableRandom random = new SplittableRandom(plan.seed() + 1);
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            Batch ballots = new Batch(c, "INSERT INTO ballot (round_id, household_id, choice, member_id, channel, cast_at)"
                    + " SELECT ?, rh.household_id, ?, (SELECT MIN(hm.member_id) FROM household_member hm"
                    + " WHERE hm.household_id = rh.household_id), 'WECOM_ROBOT', ? FROM round_household rh"
                    + " WHERE rh.round_id = ? AND rh.household_id = ?");
            for (var row : db.rows("SELECT household_id FROM round_household WHERE round_id = ? ORDER BY household_id",
                    roundId)) {
                int roll = random.nextInt(100);
                if (roll >= 85) {
                    continue;
                }
                int pick = random.nextInt(100);
                ballots.add(roundId, pick < 62 ? "A" : pick < 90 ? "B" : "C", nowText, roundId, row.get("household_id"));
            }
            ballots.flush();
            c.commit();
            ballots.close();
        }
        return roundId;
    }

    /** A prepared statement filled row by row and sent in batches (one multi-row INSERT per batch). */
    private static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private int pending;

        Batch(Connection connection, String sql) throws SQLException {
            this.statement = connection.prepareStatement(sql);
        }

        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.addBatch();
            if (++pending == 2_000) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (pending > 0) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
