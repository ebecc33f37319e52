package org.yunxie.bot.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The Markdown report, also echoed to standard output as it grows. */
final class Report {

    private final List<String> head = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private final List<String> body = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Instant started = Instant.now();

    void title(String text) {
        head.add("# " + text);
        head.add("");
        System.out.println("== " + text);
    }

    void head(String line) {
        head.add(line);
        System.out.println(line);
    }

    void section(String title) {
        body.add("");
        body.add("## " + title);
        body.add("");
        System.out.println();
        System.out.println("== " + title);
    }

    void sub(String title) {
        body.add("");
        body.add("### " + title);
        body.add("");
        System.out.println("-- " + title);
    }

    void line(String text) {
        body.add(text);
        System.out.println(text);
    }

    void format(String format, Object... args) {
        line(String.format(Locale.ROOT, format, args));
    }

    /** A fenced block of preformatted lines. */
    void block(List<String> lines) {
        body.add("```");
        body.addAll(lines);
        body.add("```");
        lines.forEach(System.out::println);
    }

    void table(String... header) {
        line("| " + String.join(" | ", header) + " |");
        line("|" + "---|".repeat(header.length));
    }

    void row(Object... cells) {
        StringBuilder row = new StringBuilder("|");
        for (Object cell : cells) {
            row.append(' ').append(cell).append(" |");
        }
        line(row.toString());
    }

    /** A line of the targets table: what the issue asks, what was measured, and whether it holds. */
    void target(String what, String target, String measured, Boolean met, String note) {
        targets.add("| " + what + " | " + target + " | " + measured + " | "
                + (met == null ? "–" : met ? "met" : "**missed**") + " | " + note + " |");
        System.out.println("TARGET " + what + ": " + measured + " (target " + target + ") "
                + (met == null ? "" : met ? "met" : "MISSED"));
    }

    /** A check that failed (a fault test's invariant): listed at the top, and the harness exits non-zero. */
    void problem(String text) {
        problems.add(text);
        System.out.println("PROBLEM " + text);
    }

    boolean failed() {
        return !problems.isEmpty();
    }

    void write(Path file) throws IOException {
        List<String> all = new ArrayList<>(head);
        all.add("");
        all.add("## Targets (issue 6)");
        all.add("");
        all.add("| what | target | measured | | note |");
        all.add("|---|---|---|---|---|");
        all.addAll(targets);
        all.add("");
        all.add("## Checks");
        all.add("");
        if (problems.isEmpty()) {
            all.add("Every fault-test invariant held (details below).");
        } else {
            problems.forEach(problem -> all.add("- **FAILED**: " + problem));
        }
        all.addAll(body);
        all.add("");
        all.add("_Written " + Instant.now() + "; the run took " + (Instant.now().getEpochSecond()
                - started.getEpochSecond()) + " s._");
        Files.createDirectories(file.getParent());
        Files.write(file, all, StandardCharsets.UTF_8);
    }
}
