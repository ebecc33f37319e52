package org.yunxie.admin.dashboard;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.yunxie.admin.round.Coverages;
import org.yunxie.admin.web.ConsoleFormat;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.indicator.CommunityIndicators;
import org.yunxie.core.indicator.MeasuringCommunity;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;

/** The community at a glance: open rounds with live coverage and deadlines, and its indicators with trends. */
@Controller
@WithConsole
class DashboardController {

    private final Rounds rounds;
    private final Coverages coverages;
    private final ChatGroups groups;
    private final MeasuringCommunity measuring;
    private final ConsoleFormat format;
    private final ConsoleText text;

    DashboardController(Rounds rounds, Coverages coverages, ChatGroups groups, MeasuringCommunity measuring,
                        ConsoleFormat format, ConsoleText text) {
        this.rounds = rounds;
        this.coverages = coverages;
        this.groups = groups;
        this.measuring = measuring;
        this.format = format;
        this.text = text;
    }

    @GetMapping("/admin/c/{communityId}")
    String dashboard(@PathVariable long communityId, Model model) {
        List<Round> open = rounds.openInCommunity(communityId);
        model.addAttribute("open", open);
        model.addAttribute("coverage", open.stream().collect(Collectors.toMap(Round::id, coverages::of)));
        model.addAttribute("groupNames", groups.ofCommunity(communityId).stream()
                .collect(Collectors.toMap(ChatGroup::id, ChatGroup::name)));
        CommunityIndicators indicators = measuring.measure(communityId);
        model.addAttribute("indicators", indicators);
        model.addAttribute("charts", List.of(
                TrendChart.of("console.dashboard.chart.rounds", indicators.months(),
                        CommunityIndicators.Month::roundsOpened),
                TrendChart.of("console.dashboard.chart.households", indicators.months(),
                        CommunityIndicators.Month::participatingHouseholds),
                TrendChart.of("console.dashboard.chart.proposals", indicators.months(),
                        CommunityIndicators.Month::proposals)));
        return "admin/dashboard";
    }

    /** The indicator figures and their months as a workbook, for the report to the street office. */
    @GetMapping("/admin/c/{communityId}/indicators.xlsx")
    void export(@PathVariable long communityId, HttpServletResponse response) throws IOException {
        CommunityIndicators figures = measuring.measure(communityId);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("indicators.xlsx").build().toString());
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(text.text("console.dashboard.indicators"));
            int r = 0;
            r = line(sheet, r, "console.dashboard.took-part", figures.participatingHouseholds() + "/"
                    + figures.eligibleHouseholds() + " (" + format.percent(figures.participatingHouseholds(),
                    figures.eligibleHouseholds()) + ")");
            r = line(sheet, r, "console.dashboard.proposals", Integer.toString(figures.proposals()));
            r = line(sheet, r, "console.dashboard.answered", figures.proposalsAnswered() + "/" + figures.proposals()
                    + " (" + format.percent(figures.proposalsAnswered(), figures.proposals()) + ")");
            r = line(sheet, r, "console.dashboard.unanswered", Integer.toString(figures.unansweredProposals()));
            r = line(sheet, r, "console.dashboard.rounds", figures.roundsOpened() + " ("
                    + text.text("console.dashboard.per-month", String.format("%.1f", figures.roundsOpened() / 12.0)) + ")");
            r = line(sheet, r, "console.dashboard.groups", figures.groupsWithRounds() + "/" + figures.groups());
            Row head = sheet.createRow(++r);
            head.createCell(0).setCellValue(text.text("console.dashboard.month"));
            head.createCell(1).setCellValue(text.text("console.dashboard.chart.rounds"));
            head.createCell(2).setCellValue(text.text("console.dashboard.chart.households"));
            head.createCell(3).setCellValue(text.text("console.dashboard.chart.proposals"));
            for (CommunityIndicators.Month month : figures.months()) {
                Row row = sheet.createRow(++r);
                row.createCell(0).setCellValue(month.month().toString());
                row.createCell(1).setCellValue(month.roundsOpened());
                row.createCell(2).setCellValue(month.participatingHouseholds());
                row.createCell(3).setCellValue(month.proposals());
            }
            workbook.write(response.getOutputStream());
        }
    }

    private int line(Sheet sheet, int index, String key, String value) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(text.text(key));
        row.createCell(1).setCellValue(value);
        return index + 1;
    }
}
