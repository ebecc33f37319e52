package org.yunxie.bot.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Fault test "dup": every vote delivered three times, two of them racing each other, as WeCom does when an
 * answer is slow. Each must be stored once and read back with the same receipt every time.
 */
final class DuplicateDeliveryFault extends FaultScenario {

    DuplicateDeliveryFault(HarnessContext ctx) {
        super(ctx);
    }

    @Override
    void run(List<String> notes) throws Exception {
        Slice slice = slice("dup");
        // Each vote three times: the first two at once (a retry racing the first delivery), the third after.
        List<RobotWire.Sealed> first = new ArrayList<>();
        for (RobotWire.Vote vote : slice.votes()) {
            first.add(wire.seal(vote));
            first.add(wire.seal(vote));
        }
        VoteDriver.Run racing = VoteDriver.closed("dup racing", List.of(a.url()), first, 16,
                TimeUnit.SECONDS.toNanos(300), wire, null);
        VoteDriver.Run third = VoteDriver.closed("dup third", List.of(a.url()), seal(slice.votes()), 8,
                TimeUnit.SECONDS.toNanos(300), wire, null);
        List<VoteDriver.Attempt> all = new ArrayList<>(racing.attempts);
        all.addAll(third.attempts);
        Duration settled = awaitProcessed(slice, Duration.ofSeconds(150));
        long sameReceipt = slice.votes().stream().filter(vote -> all.stream()
                .filter(x -> x.vote().msgid().equals(vote.msgid()) && x.reading() != null && x.reading().receipt() != null)
                .map(x -> x.reading().receipt()).distinct().count() == 1).count();
        check(slice, all, notes);
        notes.add(String.format(Locale.ROOT, "%d votes × 3 deliveries (two racing each other, then one more): %d votes "
                        + "got the same receipt on every delivery that carried one; all messages processed %s.",
                slice.votes().size(), sameReceipt, settled == null ? "NOT within 150 s" : "after " + settled.toSeconds() + " s"));
    }
}
