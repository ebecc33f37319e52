package org.yunxie.bot.bench;

import static org.yunxie.bot.bench.LoadHarness.fmt2;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JFR recording of bot-a under a closed-loop load, summarised: where a request's milliseconds go (waits on
 * MariaDB and Redis by the method that made them, CPU samples by what the code was doing). The recording is
 * kept beside the report for a closer look.
 */
final class JfrProfile {

    private final HarnessContext ctx;
    private final LoadHarness.Options o;
    private final Report report;
    private final Db db;

    JfrProfile(HarnessContext ctx) {
        this.ctx = ctx;
        this.o = ctx.o;
        this.report = ctx.report;
        this.db = ctx.db;
    }

    void run() throws Exception {
        int seconds = o.integer("jfr-seconds", 20, 0);
        int concurrency = o.integer("jfr-concurrency", 16, 4);
        report.section("Where the milliseconds go (JFR on bot-a)");
        Path settings = JfrSummary.writeSettings(ctx.out);
        Path recording = ctx.out.resolve("bot-a-profile.jfr");
        Files.deleteIfExists(recording);
        List<RobotWire.Sealed> sealed = ctx.loadVotes(ctx.mainVoters,
                (int) Math.min(60_000, Math.max(2_000, ctx.bestPerSecond * seconds * 1.5)));
        jcmd(ctx.a.pid(), "JFR.start", "name=load", "settings=" + settings, "filename=" + recording);
        Map<String, Long> dbBefore = db.status();
        VoteDriver.Run run = VoteDriver.closed("bot c=" + concurrency + " JFR", List.of(ctx.a.url()), sealed, concurrency,
                TimeUnit.SECONDS.toNanos(seconds), null, null);
        Map<String, Long> dbAfter = db.status();
        jcmd(ctx.a.pid(), "JFR.stop", "name=load");
        ctx.ingestionAcked += run.ok();
        JfrSummary.Summary s = JfrSummary.summarize(recording, name -> name.startsWith("http-nio-"),
                o.integer("db-port", 34306, 34306));
        long requests = run.ok();
        double meanMs = concurrency * run.seconds() * 1000 / Math.max(1, requests);
        report.format("%s; recording %s (%.0f s). Mean time a request spends in the bot: %.1f ms (= %d threads × %.1f s "
                        + "/ %d requests). JVM CPU %.0f %% of the machine, whole machine %.0f %%; %d GCs, %.0f ms.",
                run.line().strip(), recording.getFileName(), s.seconds(), meanMs, concurrency, run.seconds(), requests,
                100 * s.jvmCpu(), 100 * s.machineCpu(), s.gcCount(), s.gcMs());
        report.sub("Waiting, per request (Tomcat request threads)");
        report.table("what", "ms per request", "events per request", "share of the request");
        double waited = 0;
        for (Map.Entry<String, double[]> wait : s.waits().entrySet()) {
            double ms = s.perRequest(wait.getKey(), requests);
            waited += ms;
            report.row(wait.getKey(), fmt2(ms), fmt2(s.countPerRequest(wait.getKey(), requests)),
                    String.format(Locale.ROOT, "%.0f %%", 100 * ms / meanMs));
        }
        report.row("**sum of the waits above**", fmt2(waited), "", String.format(Locale.ROOT, "%.0f %%",
                100 * waited / meanMs));
        report.row("rest: on CPU or waiting for a CPU", fmt2(meanMs - waited), "", String.format(Locale.ROOT,
                "%.0f %%", 100 * (meanMs - waited) / meanMs));
        report.sub("MariaDB waits by the Yunxie method that made them (ms per request)");
        report.table("method", "ms per request", "round trips per request");
        s.dbBySite().forEach((site, w) -> report.row(site, fmt2(w[1] / requests), fmt2(w[0] / requests)));
        report.sub("Redis waits by the Yunxie method that made them");
        report.table("method", "ms per request", "round trips per request");
        s.redisBySite().forEach((site, w) -> report.row(site, fmt2(w[1] / requests), fmt2(w[0] / requests)));
        report.sub("CPU samples of the bot by what the code was doing");
        report.table("category", "samples", "share");
        s.cpuByCategory().forEach((k, v) -> report.row(k, v, JfrSummary.percent(v, s.cpuSamples())));
        report.sub("Hottest methods (leaf frames) and hottest Yunxie frames");
        report.table("leaf frame", "samples", "", "innermost Yunxie frame", "samples");
        List<Map.Entry<String, Long>> leaves = new ArrayList<>(s.topFrames().entrySet());
        List<Map.Entry<String, Long>> ours = new ArrayList<>(s.topYunxieFrames().entrySet());
        for (int i = 0; i < Math.max(leaves.size(), ours.size()); i++) {
            report.row(i < leaves.size() ? leaves.get(i).getKey() : "", i < leaves.size() ? leaves.get(i).getValue() : "",
                    "", i < ours.size() ? ours.get(i).getKey() : "", i < ours.size() ? ours.get(i).getValue() : "");
        }
        report.sub("MariaDB's counters over the profiled run, per vote");
        report.table("counter", "per vote");
        IngestionBench.perVote(dbBefore, dbAfter, Map.of(), Map.of(), run.ok()).forEach((k, v) -> {
            if (!k.startsWith("Redis")) {
                report.row(k, fmt2(v));
            }
        });
        report.format("Recording kept at `%s` (open with JDK Mission Control, or `jfr print --events "
                + "jdk.SocketRead %s`).", recording, recording);
    }

    private static void jcmd(long pid, String... command) throws Exception {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> args = new ArrayList<>();
        args.add(Files.exists(jcmd) ? jcmd.toString() : "jcmd");
        args.add(Long.toString(pid));
        args.addAll(List.of(command));
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + List.of(command) + " failed: " + output);
        }
    }
}
