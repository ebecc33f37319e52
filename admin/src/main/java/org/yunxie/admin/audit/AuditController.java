package org.yunxie.admin.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunxie.admin.web.ConsoleFormat;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.audit.AuditEntry;
import org.yunxie.core.overview.AuditQuery;
import org.yunxie.core.overview.Overview;

/** The append-only audit log of the community, filtered by round, unit, action, person and dates; CSV export. */
@Controller
@WithConsole
@RequestMapping("/admin/c/{communityId}/audit")
class AuditController {

    private static final int SHOWN = 500;
    private static final int EXPORTED = 100_000;

    private final Overview overview;
    private final ConsoleFormat format;

    AuditController(Overview overview, ConsoleFormat format) {
        this.overview = overview;
        this.format = format;
    }

    @GetMapping
    String log(@PathVariable long communityId, @RequestParam(required = false) Integer round,
               @RequestParam(required = false) String unit, @RequestParam(required = false) String action,
               @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
               @RequestParam(required = false) String until, Model model) {
        model.addAttribute("entries", overview.audit(query(communityId, round, unit, action, actor, from, until, SHOWN)));
        model.addAttribute("shown", SHOWN);
        return "admin/audit";
    }

    @GetMapping("/export.csv")
    void export(@PathVariable long communityId, @RequestParam(required = false) Integer round,
                @RequestParam(required = false) String unit, @RequestParam(required = false) String action,
                @RequestParam(required = false) String actor, @RequestParam(required = false) String from,
                @RequestParam(required = false) String until, HttpServletResponse response) throws IOException {
        List<AuditEntry> entries = overview.audit(query(communityId, round, unit, action, actor, from, until, EXPORTED));
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("audit.csv").build().toString());
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(response.getOutputStream(),
                StandardCharsets.UTF_8));
        out.print('\uFEFF'); // Excel opens UTF-8 CSV as Chinese only with the byte-order mark.
        out.print("id,time,round,household,actor_kind,actor,channel,action,detail\r\n");
        for (AuditEntry e : entries) {
            out.print(String.join(",", String.valueOf(e.id()), format.time(e.occurredAt()), text(e.roundId()),
                    text(e.householdId()), e.actorKind().name(), csv(e.actorName()), e.channel().name(), e.action(),
                    csv(e.detail())) + "\r\n");
        }
        out.flush();
    }

    private AuditQuery query(long communityId, Integer round, String unit, String action, String actor, String from,
                             String until, int limit) {
        return new AuditQuery(communityId, round, blank(unit), blank(action), blank(actor), day(from, 0),
                day(until, 1), limit);
    }

    private Instant day(String text, int plusDays) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip()).plusDays(plusDays).atStartOfDay(format.zone()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String text(Long id) {
        return id == null ? "" : id.toString();
    }

    // Quoted, and a leading = + - @ defused so that a spreadsheet never runs a resident's text as a formula.
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String safe = value.matches("^[=+\\-@].*") ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
