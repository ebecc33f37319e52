package org.yunxie.bot.bench;

import static org.yunxie.bot.bench.LoadHarness.fmt;
import static org.yunxie.bot.bench.LoadHarness.loadavg;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a bot costs to run: how long the first start in the embedded profile takes (before anything else,
 * on an idle machine), and how much heap bot-a needed under the ingestion load (after it).
 */
final class BotFootprint {

    private static final Pattern STARTED = Pattern.compile(
            "Started BotApplication in ([\\d.]+) seconds \\(process running for ([\\d.]+)\\)");

    private final HarnessContext ctx;
    private final LoadHarness.Options o;
    private final Report report;

    BotFootprint(HarnessContext ctx) {
        this.ctx = ctx;
        this.o = ctx.o;
        this.report = ctx.report;
    }

    void firstStart() throws Exception {
        report.section("First start in the embedded profile");
        Path jar = Path.of(o.require("jar"));
        String comparedJar = o.get("compare-jar", "", "");
        int starts = Math.max(1, o.integer("first-starts", 1, 1));
        List<Double> these = new ArrayList<>();
        List<Double> compared = new ArrayList<>();
        Start plain = null;
        // With a compared build the two take turns, so that a machine slowing down or speeding up over the
        // minutes this takes weighs on both alike.
        for (int i = 1; i <= starts; i++) {
            plain = measure("first-start", jar, Map.of(), List.of());
            these.add(plain.seconds());
            report.format("This build, start %d of %d: ready after %.1f s; %s; load average %s.", i, starts,
                    plain.seconds(), plain.jvm(), loadavg());
            if (!comparedJar.isBlank()) {
                Start other = measure("first-start-compared", Path.of(comparedJar).toAbsolutePath(),
                        HarnessContext.settings(o.list("compare-env", "", "")), List.of());
                compared.add(other.seconds());
                report.format("Compared build (%s), start %d of %d: ready after %.1f s; %s.", comparedJar, i,
                        starts, other.seconds(), other.jvm());
            }
        }
        double median = median(these);
        String beside = compared.isEmpty() ? "" : String.format(Locale.ROOT,
                "; the compared build %.1f s, this one %.2f× its time", median(compared), median / median(compared));
        report.format("A fresh working folder, `java -jar yunxie-bot.jar` with nothing set (H2 file database, Redis "
                + "inside the process, demo data seeded on this first start): ready (readiness UP) after "
                + "**%.1f s**%s%s.", median,
                starts > 1 ? " (median of " + starts + " starts)" : "; the log says: started in " + plain.jvm(), beside);
        report.target("first start, embedded profile (`java -jar`)", "≤ 15 s", fmt(median) + " s"
                        + (compared.isEmpty() ? "" : " (compared build " + fmt(median(compared)) + " s)"),
                median <= 15, "readiness UP; load average " + loadavg());
        Path extracted = ctx.out.resolve("fast-start-layout");
        deleteTree(extracted);
        Path app = extractWithClassArchive(jar, extracted);
        Start cds = measure("first-start-cds", app.resolve("yunxie-bot.jar"), Map.of(),
                List.of("-XX:SharedArchiveFile=" + app.resolve("yunxie-bot.jsa")));
        report.format("The same from the jar extracted with a class data archive made once beforehand (README, "
                + "\"Starting faster\": `scripts/fast-start-layout`; what a deployment does once per build): ready "
                + "after **%.1f s**; %s.", cds.seconds(), cds.jvm());
        report.target("first start, embedded profile (extracted, class data archive)", "≤ 15 s",
                fmt(cds.seconds()) + " s", cds.seconds() <= 15, "the archive made by a training run before");
    }

    private record Start(double seconds, String jvm) {
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private Start measure(String name, Path jar, Map<String, String> env, List<String> jvmArgs) throws Exception {
        Path dir = ctx.out.resolve(name);
        deleteTree(dir);
        BotInstance first = new BotInstance(name, jar, dir, o.integer("port-first", 18083, 18087), env, jvmArgs,
                ctx.pidFile);
        first.start();
        Duration ready;
        try {
            ready = first.awaitReady(Duration.ofMinutes(3));
        } finally {
            first.stop();
        }
        Matcher started = STARTED.matcher(Files.readString(first.log()));
        return new Start(ready.toMillis() / 1000.0, started.find()
                ? started.group(1) + " s (Spring), process running for " + started.group(2) + " s" : "no start line");
    }

    /** What scripts/fast-start-layout does: the jar extracted, and a training start that writes the archive. */
    private Path extractWithClassArchive(Path jar, Path into) throws Exception {
        Path layout = Path.of(o.require("services-script")).resolveSibling("fast-start-layout");
        Process process = new ProcessBuilder(layout.toString(), jar.toString(), into.toString())
                .redirectErrorStream(true).redirectOutput(into.resolveSibling("fast-start-layout.log").toFile())
                .start();
        if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("scripts/fast-start-layout failed; see fast-start-layout.log");
        }
        return into;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    void heapUnderIngestion() throws IOException {
        BotInstance.GcFigures gc = ctx.a.gc(ctx.ingestionGcFrom);
        report.section("Bot heap under the ingestion load");
        report.format("bot-a ran with %s. Over the measured ingestion (closed and open loop, %.0f s of GC log): %d GC "
                        + "pauses (%d full), %.0f ms paused in all (%.1f %% of the time); heap used before a collection "
                        + "at most %d MB, after one at most %d MB (the live set), committed at most %d MB; resident set "
                        + "of the process now %d MB.", ctx.jvmArgs().isEmpty() ? "the JVM's default heap" : ctx.jvmArgs(),
                gc.spanSeconds(), gc.pauses(), gc.fullPauses(), gc.pauseMs(),
                gc.spanSeconds() == 0 ? 0 : gc.pauseMs() / 10 / gc.spanSeconds(), gc.maxUsedBeforeMb(),
                gc.maxUsedAfterMb(), gc.maxCommittedMb(), ctx.a.rssMb());
        report.target("bot heap under ingestion load", "≤ 512 MB", gc.maxUsedBeforeMb() + " MB peak used, "
                        + gc.maxUsedAfterMb() + " MB live after GC", gc.maxUsedBeforeMb() <= 512 && gc.fullPauses() == 0,
                "run with " + ctx.jvmArgs() + "; GC pauses " + fmt(gc.pauseMs()) + " ms in " + fmt(gc.spanSeconds()) + " s");
    }
}
