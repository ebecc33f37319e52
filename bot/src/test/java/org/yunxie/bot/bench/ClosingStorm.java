package org.yunxie.bot.bench;

import static org.yunxie.bot.bench.LoadHarness.loadavg;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Every open poll given the same deadline: how fast the bots close them all and queue their outcomes, each
 * once, and then how fast the outbox sends the outcomes without any group robot going over WeCom's limit.
 * Runs last, because it closes the polls every other step votes in.
 */
final class ClosingStorm {

    private final HarnessContext ctx;
    private final LoadHarness.Options o;
    private final Report report;
    private final Db db;
    private final FakeWecom fake;

    ClosingStorm(HarnessContext ctx) {
        this.ctx = ctx;
        this.o = ctx.o;
        this.report = ctx.report;
        this.db = ctx.db;
        this.fake = ctx.fake;
    }

    void run() throws Exception {
        report.section("Closing storm and the outbox");
        String which = "(title LIKE '" + RosterSeeder.MAIN + "%' OR title LIKE '" + RosterSeeder.HOT + "%')";
        long rounds = db.count("SELECT COUNT(*) FROM round WHERE closed_at IS NULL AND " + which);
        int lead = o.integer("storm-lead-seconds", 15, 3);
        Instant due = Instant.now().plusSeconds(lead).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        db.update("UPDATE round SET closing_at = ? WHERE closed_at IS NULL AND " + which, Db.utc(due));
        long dueMillis = due.toEpochMilli();
        int instances = (int) ctx.bots.stream().filter(BotInstance::alive).count();
        report.format("%d open polls (one per group, %d of them in group 1) were given the same deadline, %s, with "
                        + "%d bot instance(s) running (the closing job runs every %s on one of them at a time; outbox "
                        + "every 3 s, 100 messages a run).", rounds, 1 + o.integer("hot-rounds", 14, 2), due, instances,
                o.get("closing-interval", "5s", "2s"));
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
                instances + " instance(s); closing job every " + o.get("closing-interval", "5s", "2s"));
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
}
