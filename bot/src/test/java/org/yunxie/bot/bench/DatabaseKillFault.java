package org.yunxie.bot.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault test "db": MariaDB killed with SIGKILL in the middle of the load and started again after an outage.
 * Callbacks meanwhile must be answered non-200 within WeCom's 5 s, so that WeCom delivers them again.
 */
final class DatabaseKillFault extends FaultScenario {

    DatabaseKillFault(HarnessContext ctx) {
        super(ctx);
    }

    @Override
    void run(List<String> notes) throws Exception {
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
}
