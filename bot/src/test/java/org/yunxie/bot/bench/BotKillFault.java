package org.yunxie.bot.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault test "kill": bot-a killed with SIGKILL in the middle of a burst and started again. The burst is more
 * than it records as votes come (160 at once: 10 turns, 100 waiting), so part of it is answered "稍后在群里回复"
 * and waits in the inbox. What it had taken in but not answered, or answered "later" but not yet recorded, must
 * be finished by its recovery job after the restart, and its rounds must still close once.
 */
final class BotKillFault extends FaultScenario {

    BotKillFault(HarnessContext ctx) {
        super(ctx);
    }

    @Override
    void run(List<String> notes) throws Exception {
        Slice slice = slice("kill");
        List<RobotWire.Sealed> sealed = seal(slice.votes());
        AtomicInteger answered = new AtomicInteger();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicLong killedAt = new AtomicLong();
        int killAfter = Math.max(1, slice.votes().size() * 35 / 100);
        int concurrency = o.integer("kill-concurrency", 160, 160);
        VoteDriver.Run run = VoteDriver.closed("kill", List.of(a.url()), sealed, concurrency,
                TimeUnit.SECONDS.toNanos(300),
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
        List<String> later = run.attempts.stream().filter(x -> x.reading() != null
                && x.reading().answer() == RobotWire.Answer.LATER).map(x -> x.vote().msgid()).distinct().toList();
        a.start();
        Duration restart = a.awaitReady(Duration.ofMinutes(4));
        double sinceKill = (System.nanoTime() - killedAt.get()) / 1e9;
        List<VoteDriver.Attempt> all = retry(slice, List.of(a.url()), run.attempts, 3, 1_000);
        Duration settled = awaitProcessed(slice, Duration.ofSeconds(180));
        check(slice, all, notes);
        int recoveredReplies = (int) fake.responseUrlReplies.stream().filter(m -> m.startsWith("lf-kill-")).count();
        Set<String> replied = Set.copyOf(fake.responseUrlReplies);
        long laterAnswered = later.stream().filter(replied::contains).count();
        notes.add(String.format(Locale.ROOT, "Votes sent %d at once; bot-a was killed with SIGKILL after %d votes were "
                        + "answered; at that moment %d messages of the slice were in the inbox, %d of them not yet "
                        + "processed (taken in and not answered, or answered \"稍后在群里回复\" and not yet recorded). "
                        + "Restart to health UP took %.1f s (%.1f s after the kill). The unanswered votes were "
                        + "delivered again; the recovery job finished every stalled message %s and sent %d replies "
                        + "through response_url; %d of the %d votes answered \"later\" got theirs.", concurrency,
                killAfter, inboxAtKill, unprocessedAtKill, restart.toMillis() / 1000.0, sinceKill,
                settled == null ? "NOT within 180 s" : "within " + settled.toSeconds() + " s", recoveredReplies,
                laterAnswered, later.size()));
        if (laterAnswered < later.size()) {
            report.problem("fault test kill: " + (later.size() - laterAnswered) + " votes answered \"later\" never "
                    + "got their receipt through response_url");
        }
        notes.add(closeSlice(slice, "after the restart"));
    }
}
