package org.yunxie.bot.bench;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fault test "kill": bot-a killed with SIGKILL in the middle of the load and started again. What it had
 * taken in but not answered must be finished by its recovery job, and its rounds must still close once.
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
}
