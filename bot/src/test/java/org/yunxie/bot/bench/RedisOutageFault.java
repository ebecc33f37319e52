package org.yunxie.bot.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault test "redis": Redis stopped in the middle of the load (coming back empty) and started again. Votes
 * must still be stored once, and the bot must use Redis again once it is back.
 */
final class RedisOutageFault extends FaultScenario {

    RedisOutageFault(HarnessContext ctx) {
        super(ctx);
    }

    @Override
    void run(List<String> notes) throws Exception {
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
        // Is Redis used again? A changed ballot bumps its round's live-tally version in Redis (LiveTally), and
        // Redis came back empty: the version key reappearing shows the bot uses Redis again. Lettuce reconnects on
        // its own, with a back-off. Each probe changes the household's choice, so that every one bumps it.
        RobotWire.Vote first = slice.votes().get(0);
        String probeKey = "yunxie:tally-version:" + first.roundId();
        double usedAgainAfter = Double.NaN;
        long probeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        try (var client = VoteDriver.client(1)) {
            for (int probe = 0; System.nanoTime() < probeDeadline; probe++) {
                services.redis("DEL", probeKey);
                String other = "反对".equals(first.choice()) ? "同意" : "反对";
                RobotWire.Vote change = new RobotWire.Vote(first.msgid() + "-probe-" + probe, first.userid(),
                        first.chatId(), first.roundNumber(), first.roundId(), first.householdId(), first.unitLabel(),
                        first.nameUnit(), probe % 2 == 0 ? other : first.choice());
                VoteDriver.send(client, a.url(), wire.seal(change), null, System.nanoTime(), runStart);
                if ("1".equals(services.redis("EXISTS", probeKey))) {
                    usedAgainAfter = (System.nanoTime() - runStart - backAt.get()) / 1e9;
                    break;
                }
                Thread.sleep(500);
            }
        }
        notes.add("Redis was stopped (SIGTERM; it keeps nothing, so it came back empty) after " + stopAfter
                + " deliveries and started again after " + backAfter + ". " + latency);
        notes.add(String.format(Locale.ROOT, "Recovery: the bot wrote to Redis again (a round's live-tally version, "
                        + "bumped by a changed ballot) %s after Redis returned (Lettuce reconnects by itself, with a back-off); every message processed %s.",
                Double.isNaN(usedAgainAfter) ? "NOT within 120 s" : String.format(Locale.ROOT, "%.1f s", usedAgainAfter),
                settled == null ? "NOT within 150 s" : "within " + settled.toSeconds() + " s"));
        if (Double.isNaN(usedAgainAfter)) {
            report.problem("fault test redis: the bot did not use Redis again within 120 s after it returned");
        }
    }
}
