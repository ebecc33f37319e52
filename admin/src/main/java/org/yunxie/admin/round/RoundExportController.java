package org.yunxie.admin.round;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yunxie.admin.web.Scoped;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.round.Round;

/** Downloads a round as an .xlsx workbook. */
@Controller
@WithConsole
class RoundExportController {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final Scoped scoped;
    private final RoundPages pages;
    private final RoundExport export;

    RoundExportController(Scoped scoped, RoundPages pages, RoundExport export) {
        this.scoped = scoped;
        this.pages = pages;
        this.export = export;
    }

    @GetMapping("/admin/c/{communityId}/rounds/{roundId}/export.xlsx")
    void download(@PathVariable long communityId, @PathVariable long roundId, HttpServletResponse response)
            throws IOException {
        Round round = scoped.round(communityId, roundId);
        response.setContentType(XLSX);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("round-" + round.number() + ".xlsx").build().toString());
        export.write(pages.view(round), response.getOutputStream());
    }
}
