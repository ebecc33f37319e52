package org.yunxie.bot.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.yunxie.bot.bench.HarnessContext.Voter;

/**
 * One fault test, and what all of them share: each votes once per household in a slice of groups of its own
 * (polls no other step touches), delivers again what was not acknowledged as WeCom would, and then checks
 * household by household that every acknowledged vote was stored, and stored once.
 */
abstract class FaultScenario {

    protected final HarnessContext ctx;
    protected final LoadHarness.Options o;
    protected final Report report;
    protected final Db db;
    protected final Services services;
    protected final FakeWecom fake;
    protected final RobotWire wire;
    protected final BotInstance a;
    protected final String runTag;

    FaultScenario(HarnessContext ctx) {
        this.ctx = ctx;
        this.o = ctx.o;
        this.report = ctx.report;
        this.db = ctx.db;
        this.services = ctx.services;
        this.fake = ctx.fake;
        this.wire = ctx.wire;
        this.a = ctx.a;
        this.runTag = ctx.runTag;
    }

    /** Runs the test; its row goes to the fault table, and what the report says about it below, to notes. */
    abstract void run(List<String> notes) throws Exception;

    /** A fault test's votes: one per household on the rolls of its slice's polls. */
    record Slice(String test, List<RobotWire.Vote> votes, List<Long> roundIds) {
    }

    Slice slice(String test) throws Exception {
        List<Voter> voters = ctx.voters(RosterSeeder.fault(test), true);
        List<RobotWire.Vote> votes = new ArrayList<>();
        for (Voter voter : voters) {
            votes.add(ctx.vote(voter, "lf-" + test + "-" + runTag + "-" + voter.householdId()));
        }
        List<Long> rounds = voters.stream().map(Voter::roundId).distinct().sorted().toList();
        return new Slice(test, votes, rounds);
    }

    List<RobotWire.Sealed> seal(List<RobotWire.Vote> votes) {
        return votes.stream().map(wire::seal).collect(Collectors.toCollection(ArrayList::new));
    }

    private static boolean acknowledged(VoteDriver.Attempt attempt) {
        return attempt.status() == 200 && attempt.reading() != null
                && (attempt.reading().answer() == RobotWire.Answer.RECORDED
                || attempt.reading().answer() == RobotWire.Answer.LATER);
    }

    /** Delivers again (sealed anew, same msgid) every vote none of whose deliveries was answered 200. */
    List<VoteDriver.Attempt> retry(Slice slice, List<String> targets, Collection<VoteDriver.Attempt> so,
                                   int times, long pauseMillis) throws Exception {
        List<VoteDriver.Attempt> all = new ArrayList<>(so);
        for (int round = 0; round < times; round++) {
            Set<String> answered = all.stream().filter(x -> x.status() == 200).map(x -> x.vote().msgid())
                    .collect(Collectors.toSet());
            List<RobotWire.Vote> again = slice.votes().stream().filter(v -> !answered.contains(v.msgid())).toList();
            if (again.isEmpty()) {
                break;
            }
            Thread.sleep(pauseMillis);
            all.addAll(VoteDriver.closed(slice.test() + " retry " + (round + 1), targets, seal(again), 8,
                    TimeUnit.SECONDS.toNanos(120), wire, null).attempts);
        }
        return all;
    }

    /** Waits until every inbox message of the slice is processed (the recovery job finishes the stalled ones). */
    Duration awaitProcessed(Slice slice, Duration timeout) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (db.count("SELECT COUNT(*) FROM inbound_message WHERE dedupe_key LIKE ? AND processed_at IS NULL",
                        "lf-" + slice.test() + "-" + runTag + "-%") == 0) {
                    return Duration.ofNanos(System.nanoTime() - start);
                }
            } catch (Exception databaseStillComingBack) {
                // try again
            }
            Thread.sleep(1_000);
        }
        return null;
    }

    /**
     * Checks household by household what a fault test stored against what was acknowledged, and adds its row
     * to the fault table. Returns false when an invariant broke.
     */
    boolean check(Slice slice, List<VoteDriver.Attempt> attempts, List<String> notes) throws Exception {
        String rounds = slice.roundIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        Map<Long, long[]> stored = new HashMap<>(); // household -> {ballots, history, audit}
        Map<Long, String> receipts = new HashMap<>();
        for (Map<String, Object> row : db.rows("SELECT b.household_id, (SELECT COUNT(*) FROM ballot_history h"
                + " WHERE h.round_id = b.round_id AND h.household_id = b.household_id) history,"
                + " (SELECT COUNT(*) FROM audit_entry e WHERE e.round_id = b.round_id AND e.household_id = b.household_id"
                + "   AND e.action IN ('ballot.cast', 'ballot.changed')) audit, r.code"
                + " FROM ballot b LEFT JOIN receipt r ON r.round_id = b.round_id AND r.household_id = b.household_id"
                + " WHERE b.round_id IN (" + rounds + ")")) {
            long household = ((Number) row.get("household_id")).longValue();
            stored.put(household, new long[] {1, ((Number) row.get("history")).longValue(),
                    ((Number) row.get("audit")).longValue()});
            receipts.put(household, (String) row.get("code"));
        }
        long orphanHistory = db.count("SELECT COUNT(*) FROM ballot_history h WHERE h.round_id IN (" + rounds + ")"
                + " AND NOT EXISTS (SELECT 1 FROM ballot b WHERE b.round_id = h.round_id AND b.household_id = h.household_id)");
        long unprocessed = db.count("SELECT COUNT(*) FROM inbound_message WHERE dedupe_key LIKE ? AND processed_at IS NULL",
                "lf-" + slice.test() + "-" + runTag + "-%");
        long inbox = db.count("SELECT COUNT(*) FROM inbound_message WHERE dedupe_key LIKE ?",
                "lf-" + slice.test() + "-" + runTag + "-%");
        Map<String, List<VoteDriver.Attempt>> byMsg = attempts.stream()
                .collect(Collectors.groupingBy(x -> x.vote().msgid()));
        int ackedVotes = 0;
        int storedVotes = 0;
        int twice = 0;
        int ackedMissing = 0;
        int wrongReceipt = 0;
        int failedButStored = 0;
        int noAnswerStored = 0;
        Map<String, Integer> answers = new TreeMap<>();
        for (VoteDriver.Attempt attempt : attempts) {
            String key = attempt.status() == 200 ? "200 " + (attempt.reading() == null ? "?" : attempt.reading().answer())
                    : attempt.status() == VoteDriver.TIMEOUT ? "no answer within 5 s"
                    : attempt.status() == VoteDriver.IO_ERROR ? "connection refused/reset" : "HTTP " + attempt.status();
            answers.merge(key, 1, Integer::sum);
        }
        for (RobotWire.Vote vote : slice.votes()) {
            List<VoteDriver.Attempt> mine = byMsg.getOrDefault(vote.msgid(), List.of());
            boolean acked = mine.stream().anyMatch(FaultScenario::acknowledged);
            boolean failedOnly = !acked && mine.stream().anyMatch(x -> x.status() == 200 && x.reading() != null
                    && x.reading().answer() == RobotWire.Answer.FAILED);
            long[] s = stored.get(vote.householdId());
            boolean isStored = s != null && s[1] >= 1;
            ackedVotes += acked ? 1 : 0;
            storedVotes += isStored ? 1 : 0;
            if (s != null && (s[1] > 1 || s[2] > 1)) {
                twice++;
            }
            if (acked && !isStored) {
                ackedMissing++;
            }
            if (failedOnly && isStored) {
                failedButStored++;
            }
            if (!acked && !failedOnly && isStored) {
                noAnswerStored++;
            }
            for (VoteDriver.Attempt x : mine) {
                if (x.reading() != null && x.reading().receipt() != null && isStored
                        && !x.reading().receipt().equals(receipts.get(vote.householdId()))) {
                    wrongReceipt++;
                    break;
                }
            }
        }
        boolean ok = twice == 0 && ackedMissing == 0 && wrongReceipt == 0 && orphanHistory == 0 && unprocessed == 0
                && failedButStored == 0;
        report.row(slice.test(), attempts.size(), attempts.stream().filter(x -> x.status() == 200).count(),
                slice.votes().size(), ackedVotes, storedVotes, twice, ackedMissing, ok ? "held" : "**broken**");
        notes.add(String.format(Locale.ROOT, "Answers to the %d deliveries: %s.", attempts.size(), answers));
        notes.add(String.format(Locale.ROOT, "Stored: %d of %d votes, inbox rows %d (one per message), still "
                        + "unprocessed %d; stored twice %d; acknowledged but not stored %d; receipt read back differs "
                        + "from the stored one %d; history rows without a ballot %d; answered \"nothing recorded\" but "
                        + "stored %d; never acknowledged yet stored %d (fine: the resident just did not hear back).",
                storedVotes, slice.votes().size(), inbox, unprocessed, twice, ackedMissing, wrongReceipt, orphanHistory,
                failedButStored, noAnswerStored));
        if (!ok) {
            report.problem("fault test " + slice.test() + ": stored twice " + twice + ", acknowledged not stored "
                    + ackedMissing + ", wrong receipts " + wrongReceipt + ", orphan history " + orphanHistory
                    + ", unprocessed " + unprocessed + ", told failed but stored " + failedButStored);
        }
        return ok;
    }

    /** Moves the slice's deadlines to now and waits until each round is closed, once, with one outcome queued. */
    String closeSlice(Slice slice, String when) throws Exception {
        String rounds = slice.roundIds().stream().map(String::valueOf).collect(Collectors.joining(","));
        db.update("UPDATE round SET closing_at = ? WHERE id IN (" + rounds + ")", Db.utc(Instant.now().plusSeconds(1)));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        long closed = 0;
        while (System.nanoTime() < deadline) {
            closed = db.count("SELECT COUNT(*) FROM round WHERE closed_at IS NOT NULL AND id IN (" + rounds + ")");
            if (closed == slice.roundIds().size()) {
                break;
            }
            Thread.sleep(500);
        }
        long outcomes = db.count("SELECT COUNT(*) FROM outcome WHERE round_id IN (" + rounds + ")");
        long audits = db.count("SELECT COUNT(*) FROM audit_entry WHERE action = 'round.closed' AND round_id IN (" + rounds + ")");
        long queued = db.count("SELECT COUNT(*) FROM outbox WHERE kind = 'OUTCOME' AND round_id IN (" + rounds + ")");
        boolean ok = closed == slice.roundIds().size() && outcomes == closed && audits == closed && queued == closed;
        if (!ok) {
            report.problem("fault test " + slice.test() + ": of " + slice.roundIds().size() + " rounds " + closed
                    + " closed, " + outcomes + " outcomes, " + audits + " close records, " + queued + " outcomes queued");
        }
        return String.format(Locale.ROOT, "Closing %s: %d of %d rounds closed, %d outcomes, %d \"round.closed\" records, "
                + "%d outcome announcements queued — %s.", when, closed, slice.roundIds().size(), outcomes, audits,
                queued, ok ? "each once" : "**not each once**");
    }
}
