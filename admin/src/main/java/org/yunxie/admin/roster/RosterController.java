package org.yunxie.admin.roster;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.CurrentAccount;
import org.yunxie.admin.web.Requires;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Capability;
import org.yunxie.core.importing.ImportingRoster;
import org.yunxie.core.importing.RosterCheck;
import org.yunxie.core.importing.RosterImport;
import org.yunxie.core.overview.HouseholdOnRoster;
import org.yunxie.core.overview.Overview;

/** The roster: households by building, upload of a roster file (checked before anything is written), export. */
@Controller
@WithConsole
@RequestMapping("/admin/c/{communityId}/roster")
class RosterController {

    private final Overview overview;
    private final RosterUploads uploads;
    private final ImportingRoster importing;
    private final CurrentAccount current;
    private final ConsoleText text;

    RosterController(Overview overview, RosterUploads uploads, ImportingRoster importing, CurrentAccount current,
                     ConsoleText text) {
        this.overview = overview;
        this.uploads = uploads;
        this.importing = importing;
        this.current = current;
        this.text = text;
    }

    @GetMapping
    String roster(@PathVariable long communityId, Model model) {
        Map<String, List<HouseholdOnRoster>> byBuilding = overview.roster(communityId).stream()
                .collect(Collectors.groupingBy(HouseholdOnRoster::buildingName, LinkedHashMap::new, Collectors.toList()));
        model.addAttribute("buildings", byBuilding);
        model.addAttribute("imports", importing.recent(communityId, 10));
        return "admin/roster";
    }

    @PostMapping("/imports")
    @Requires(Capability.KEEP_ROSTER)
    String upload(@PathVariable long communityId, @RequestParam MultipartFile file, HttpServletRequest request,
                  RedirectAttributes flash) {
        String name = file.getOriginalFilename() == null ? "roster.csv" : file.getOriginalFilename();
        try {
            byte[] bytes = file.getBytes();
            RosterCheck check = uploads.check(communityId, name, bytes);
            RosterImport upload = uploads.upload(communityId, name, bytes, check, current.of(request).actor());
            return "redirect:/admin/c/" + communityId + "/roster/imports/" + upload.id();
        } catch (IOException unreadable) {
            flash.addFlashAttribute("problem", text.text("console.roster.unreadable", name));
            return "redirect:/admin/c/" + communityId + "/roster";
        }
    }

    @GetMapping("/export.xlsx")
    void export(@PathVariable long communityId, HttpServletResponse response) throws IOException {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("roster.xlsx").build().toString());
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200)) {
            Sheet sheet = workbook.createSheet(text.text("console.roster.title"));
            Row head = sheet.createRow(0);
            String[] headings = {"building", "unit", "area", "status", "members"};
            for (int i = 0; i < headings.length; i++) {
                head.createCell(i).setCellValue(text.text("console.roster.column." + headings[i]));
            }
            int r = 1;
            for (HouseholdOnRoster household : overview.roster(communityId)) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(household.buildingName());
                row.createCell(1).setCellValue(household.unitLabel());
                row.createCell(2).setCellValue(household.floorArea().toPlainString());
                row.createCell(3).setCellValue(household.ineligibleReason() == null ? "" : household.ineligibleReason());
                row.createCell(4).setCellValue(household.members());
            }
            workbook.write(response.getOutputStream());
        }
    }
}
