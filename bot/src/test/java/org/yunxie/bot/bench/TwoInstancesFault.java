package org.yunxie.bot.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Fault test "two": a second bot on the same database and Redis, votes sent to both in turn, and the rounds
 * closed with both running the clustered jobs. Each round must close once and each outcome be posted once.
 */
final class TwoInstancesFault extends FaultScenario {

    TwoInstancesFault(HarnessContext ctx) {
        super(ctx);
    }

    @Override
    void run(List<String> notes) throws Exception {
        Slice slice = slice("two");
        if (ctx.b == null) {
            ctx.b = ctx.bot("bot-b", o.integer("port-b", 18082, 18086));
            Duration ready = HarnessContext.start(ctx.b);
            notes.add(String.format(Locale.ROOT, "bot-b started on the same database and Redis (health UP after %.1f s); "
                    + "from here on both instances run the clustered Quartz jobs.", ready.toMillis() / 1000.0));
        }
        VoteDriver.Run run = VoteDriver.closed("two", List.of(a.url(), ctx.b.url()), seal(slice.votes()), 8,
                TimeUnit.SECONDS.toNanos(300), wire, null);
        check(slice, new ArrayList<>(run.attempts), notes);
        notes.add("Votes went to the two instances in turn, as a load balancer in front of them would send them.");
        long postsBefore = System.currentTimeMillis();
        notes.add(closeSlice(slice, "with two instances running"));
        // Wait until each outcome has been posted, then count the posts per round.
        String rounds = slice.roundIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline && db.count("SELECT COUNT(*) FROM outbox WHERE kind = 'OUTCOME' AND sent_at"
                + " IS NULL AND round_id IN (" + rounds + ")") > 0) {
            Thread.sleep(1_000);
        }
        Thread.sleep(2_000);
        Map<String, Integer> texts = new HashMap<>();
        Map<String, Integer> images = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (Map<String, Object> row : db.rows("SELECT r.number, g.robot_webhook_key k FROM round r JOIN chat_group g"
                + " ON g.id = r.chat_group_id WHERE r.id IN (" + rounds + ")")) {
            keys.add(row.get("k") + "#" + row.get("number"));
        }
        for (FakeWecom.Post post : fake.posts) {
            if (post.atMillis() < postsBefore) {
                continue;
            }
            if (post.outcomeNumber() != null) {
                texts.merge(post.key() + "#" + post.outcomeNumber(), 1, Integer::sum);
            } else if ("image".equals(post.msgtype())) {
                images.merge(post.key(), 1, Integer::sum);
            }
        }
        long once = keys.stream().filter(k -> texts.getOrDefault(k, 0) == 1).count();
        long twice = keys.stream().filter(k -> texts.getOrDefault(k, 0) > 1).count();
        long missing = keys.stream().filter(k -> texts.getOrDefault(k, 0) == 0).count();
        long imagesTwice = images.values().stream().filter(n -> n > 1).count();
        notes.add(String.format(Locale.ROOT, "Outcomes posted to the groups' robots: %d rounds posted exactly once, %d "
                + "more than once, %d not posted; charts posted more than once in %d groups.", once, twice, missing,
                imagesTwice));
        if (twice > 0 || missing > 0 || imagesTwice > 0) {
            report.problem("fault test two: outcomes posted twice " + twice + ", not posted " + missing);
        }
    }
}
