package org.yunxie.bot.bench;

import static org.yunxie.bot.bench.LoadHarness.fmt;
import static org.yunxie.bot.bench.LoadHarness.fmt2;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Vote ingestion at a fixed offered rate (open loop), bot and bare echo alike: latency counted from when each
 * request was due, so that a queue in front of a server too slow for the rate shows instead of hiding.
 */
final class OpenLoopBench {

    private final HarnessContext ctx;
    private final LoadHarness.Options o;
    private final Report report;
    private final BotInstance a;
    private final BotInstance compare;

    OpenLoopBench(HarnessContext ctx) {
        this.ctx = ctx;
        this.o = ctx.o;
        this.report = ctx.report;
        this.a = ctx.a;
        this.compare = ctx.compare;
    }

    /**
     * After a run at a bot: waits for the votes it took in for later and checks each was recorded and answered
     * through its response_url.
     */
    private String backlog(VoteDriver.Run run) throws Exception {
        List<RobotWire.Vote> later;
        synchronized (run.attempts) {
            later = run.attempts.stream().filter(attempt -> attempt.ok() && attempt.reading() != null
                    && attempt.reading().answer() == RobotWire.Answer.LATER).map(VoteDriver.Attempt::vote).toList();
        }
        if (later.isEmpty()) {
            return run.name.strip() + ": every answer came with the vote recorded.";
        }
        double seconds = ctx.awaitBacklog(Duration.ofMinutes(3));
        Set<String> replied = Set.copyOf(ctx.fake.responseUrlReplies);
        long answered = later.stream().filter(vote -> replied.contains(vote.msgid())).count();
        return String.format(Locale.ROOT, "%s: %d votes answered \"稍后在群里回复\"; all of the run's messages "
                        + "processed %s after it ended; %d of those %d got their receipt through response_url.",
                run.name.strip(), later.size(), Double.isNaN(seconds) ? "NOT within 3 min" : fmt(seconds) + " s",
                answered, later.size());
    }

    private long robotHistoryRows() throws Exception {
        return ctx.db.count("SELECT COUNT(*) FROM ballot_history WHERE channel = 'WECOM_ROBOT'");
    }

    void run() throws Exception {
        double rate = o.integer("open-rate", 1_000, 100);
        int seconds = o.integer("open-seconds", 15, 3);
        int threads = o.integer("open-threads", 256, 64);
        report.section(String.format(Locale.ROOT, "Fixed offered load: %.0f votes/s for %d s (open loop)", rate, seconds));
        int warmUpSeconds = o.integer("open-warmup-seconds", 3, 1);
        report.format("Requests are due at a fixed pace whatever the answers do; latency counts from when each was due "
                + "(so a queue in front of a slow server shows), up to %d requests in flight, WeCom's 5 s timeout. "
                + "Each bot first takes %d s of the same rate, not counted.", threads, warmUpSeconds);
        List<RobotWire.Sealed> sealed = ctx.loadVotes(ctx.mainVoters, (int) (rate * seconds));
        List<VoteDriver.Run> runs = new ArrayList<>();
        List<String> backlogs = new ArrayList<>();
        VoteDriver.Run bot = null;
        List<String> quiet = new ArrayList<>();
        List<String> written = new ArrayList<>();
        // The first burst a bot takes is slower, whichever build it is: the code for messages taken in for later
        // runs there for the first time. Each bot takes a short burst before the measured ones, not counted.
        for (BotInstance target : warmUpSeconds > 0 ? ctx.measured() : List.<BotInstance>of()) {
            ctx.awaitQuiet(Duration.ofSeconds(60));
            List<RobotWire.Sealed> votes = ctx.loadVotes(ctx.mainVoters, (int) (rate * warmUpSeconds));
            VoteDriver.open(ctx.label(target) + " warm-up", target.url(), votes, rate, threads,
                    TimeUnit.SECONDS.toNanos(10), ctx.wire);
            ctx.awaitBacklog(Duration.ofMinutes(3));
        }
        // Two builds take the burst in the order this build, compared, compared, this: the burst measured first
        // came out lower whichever build it was (the same jar against itself too), so each build gets one of each.
        List<BotInstance> order = compare == null ? List.of(a) : List.of(a, compare, compare, a);
        for (int i = 0; i < order.size(); i++) {
            BotInstance target = order.get(i);
            String name = ctx.label(target) + (compare == null ? "" : i < 2 ? " (1st)" : " (2nd)");
            quiet.add(name + ": " + ctx.awaitQuiet(Duration.ofSeconds(60)));
            long historyBefore = robotHistoryRows();
            VoteDriver.Run run = VoteDriver.open(String.format(Locale.ROOT, "%-19s @%d/s", name, (int) rate),
                    target.url(), i == 0 ? sealed : ctx.loadVotes(ctx.mainVoters, sealed.size()), rate, threads,
                    TimeUnit.SECONDS.toNanos(10), ctx.wire);
            ctx.ingestionAcked += run.ok();
            runs.add(run);
            bot = bot == null ? run : bot;
            backlogs.add(backlog(run));
            written.add(String.format(Locale.ROOT, "%s: %d of its %d votes wrote a ballot", name,
                    robotHistoryRows() - historyBefore, run.ok()));
        }
        VoteDriver.Run bare = VoteDriver.open(String.format(Locale.ROOT, "%-19s @%d/s", "echo", (int) rate),
                ctx.echoUrl, sealed, rate, threads, TimeUnit.SECONDS.toNanos(10), null);
        runs.add(bare);
        report.block(runs.stream().map(VoteDriver.Run::line).toList());
        report.table("", "achieved/s", "p50 ms", "p90 ms", "p99 ms", "p99 × echo", "failed or timed out",
                "not sent in time");
        for (VoteDriver.Run run : runs) {
            report.row(run.name, fmt(run.perSecond()), fmt(run.percentile(50)), fmt(run.percentile(90)),
                    fmt(run.percentile(99)), fmt2(run.percentile(99) / bare.percentile(99)), run.failed(), run.notSent);
        }
        quiet.forEach(report::line);
        backlogs.forEach(report::line);
        // Every vote says 同意 for a household picked at random: one whose household voted before records nothing,
        // and there are more of those with every burst, so a later burst has less to write.
        report.line("What each burst had to write (a household's first vote writes its ballot, a repeat nothing): "
                + String.join("; ", written) + ".");
        runs.stream().filter(run -> run.later() > 0).map(VoteDriver.Run::byKind).forEach(report::line);
        boolean kept = bot.failed() == 0 && bot.notSent == 0;
        report.target("p99 at " + (int) rate + " votes/s offered, every delivery answered", "≤ 50 ms",
                (kept ? fmt(bot.percentile(99)) + " ms" : fmt(bot.percentile(99)) + " ms of those answered; "
                        + (bot.failed() + bot.notSent) + " of " + sealed.size() + " failed, timed out or not sent")
                        + String.format(Locale.ROOT, " (answered %.0f/s)", bot.perSecond()),
                kept && bot.percentile(99) <= 50, String.format(Locale.ROOT, "%d of %d answered \"稍后在群里回复\" "
                        + "and recorded after the burst; echo p99 %.1f ms in the same run", bot.later(), bot.ok(),
                        bare.percentile(99)));
        boolean allAtOnce = kept && bot.later() == 0;
        report.target("p99 at " + (int) rate + " votes/s offered, each recorded before its answer", "≤ 50 ms",
                allAtOnce ? fmt(bot.percentile(99)) + " ms" : String.format(Locale.ROOT,
                        "%.0f votes/s recorded before their answer, %d of %d", bot.answeredAtOncePerSecond(),
                        bot.ok() - bot.later(), sealed.size()),
                allAtOnce && bot.percentile(99) <= 50, "the closed-loop rate above is what one instance records "
                        + "as votes come");
        if (compare != null) {
            compare.stop();
            ctx.bots.remove(compare);
            report.format("(%s stopped after the open-loop run.)", ctx.label(compare));
        }
    }
}
