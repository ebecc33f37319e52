package org.yunxie.bot.bench;

import static org.yunxie.bot.bench.LoadHarness.fmt2;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * The tally of the big poll, timed in the harness's own core context before any load starts: counted from
 * MariaDB as the closing job does, and from rows already in memory, to tell the read from the arithmetic.
 */
final class TallyBench {

    private final HarnessContext ctx;
    private final LoadHarness.Options o;
    private final Report report;
    private final Db db;

    TallyBench(HarnessContext ctx) {
        this.ctx = ctx;
        this.o = ctx.o;
        this.report = ctx.report;
        this.db = ctx.db;
    }

    void run() throws Exception {
        report.section("Tally of a " + o.integer("tally-households", 5_000, 1_000) + "-household poll");
        Rounds rounds = ctx.core.getBean(Rounds.class);
        CountingBallots counting = ctx.core.getBean(CountingBallots.class);
        Round round = rounds.find(ctx.tallyRoundId).orElseThrow();
        List<OptionSpec> options = rounds.options(round.id());
        List<RollEntry> roll = rounds.roll(round.id()).stream().map(RollHousehold::toEntry).toList();
        List<Stance> stances = new ArrayList<>();
        for (Map<String, Object> row : db.rows("SELECT household_id, choice FROM ballot WHERE round_id = ?", round.id())) {
            stances.add(new Stance(((Number) row.get("household_id")).longValue(),
                    Set.of(((String) row.get("choice")).charAt(0) - 'A' + 1)));
        }
        int fromDb = o.integer("tally-iterations", 200, 50);
        long coldStart = System.nanoTime();
        Decision decision = round.rule().decide(counting.count(round), options, round.maxChoices());
        double coldMs = (System.nanoTime() - coldStart) / 1e6;
        // As long a warm-up as the in-memory loop below gets: the JIT compiles the driver's and MyBatis's row
        // reading only after some thousands of rows, as it has in a bot that has been running a while.
        for (int i = 0; i < 200; i++) {
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
        report.row("first count of the round, cold (roll and ballots from MariaDB, code not yet compiled)", 1,
                fmt2(coldMs), fmt2(coldMs), fmt2(coldMs));
        report.row("CountingBallots.count (ballots from MariaDB; the roll, fixed once the round is open, kept "
                + "from the first count) + DecisionRule.decide", fromDb,
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
}
