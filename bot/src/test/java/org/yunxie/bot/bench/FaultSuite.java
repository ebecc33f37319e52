package org.yunxie.bot.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault tests asked for with --faults, in that order, under one table; each test's notes follow the table,
 * so that the table reads at a glance and the details stay with their test.
 */
final class FaultSuite {

    private final HarnessContext ctx;
    private final Report report;

    FaultSuite(HarnessContext ctx) {
        this.ctx = ctx;
        this.report = ctx.report;
    }

    void run(List<String> faults) throws Exception {
        report.section("Fault tests");
        report.line("Each test votes once per household of its own slice of groups (a poll of its own per group), "
                + "so that \"stored once\" can be checked household by household. A delivery is acknowledged when "
                + "it is answered 200 within WeCom's 5 s; a vote is acknowledged when one of its deliveries was "
                + "(read back with a receipt, or \"稍后回复\" when the answer follows through response_url). Votes "
                + "not acknowledged are delivered again, as WeCom retries (up to 3 times).");
        report.table("test", "deliveries sent", "answered 200", "votes", "votes acknowledged", "stored",
                "stored twice", "acknowledged, not stored", "verdict");
        Map<String, List<String>> notes = new LinkedHashMap<>();
        for (String fault : faults) {
            List<String> lines = new ArrayList<>();
            notes.put(fault, lines);
            scenario(fault).run(lines);
        }
        notes.forEach((fault, lines) -> {
            report.sub("Fault test: " + fault);
            lines.forEach(report::line);
        });
    }

    private FaultScenario scenario(String fault) {
        return switch (fault) {
            case "dup" -> new DuplicateDeliveryFault(ctx);
            case "redis" -> new RedisOutageFault(ctx);
            case "db" -> new DatabaseKillFault(ctx);
            case "kill" -> new BotKillFault(ctx);
            case "two" -> new TwoInstancesFault(ctx);
            default -> throw new IllegalArgumentException("unknown fault test " + fault);
        };
    }
}
