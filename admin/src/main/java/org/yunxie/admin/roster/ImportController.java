package org.yunxie.admin.roster;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.CurrentAccount;
import org.yunxie.admin.web.NotFound;
import org.yunxie.admin.web.Requires;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Capability;
import org.yunxie.core.importing.ImportingRoster;
import org.yunxie.core.importing.RosterImport;

/** One uploaded roster file: its preview and error report, then its progress and result once applied. */
@Controller
@WithConsole
@RequestMapping("/admin/c/{communityId}/roster/imports/{importId}")
class ImportController {

    private static final int PREVIEW_ROWS = 30;

    private final ImportingRoster importing;
    private final RosterUploads uploads;
    private final CurrentAccount current;
    private final ConsoleText text;

    ImportController(ImportingRoster importing, RosterUploads uploads, CurrentAccount current, ConsoleText text) {
        this.importing = importing;
        this.uploads = uploads;
        this.current = current;
        this.text = text;
    }

    @GetMapping
    String show(@PathVariable long communityId, @PathVariable long importId, Model model) throws IOException {
        RosterImport upload = find(communityId, importId);
        model.addAttribute("upload", upload);
        if (!upload.started()) {
            var check = uploads.check(upload);
            model.addAttribute("check", check);
            model.addAttribute("sample", check.rows().subList(0, Math.min(PREVIEW_ROWS, check.rows().size())));
        }
        return "admin/import";
    }

    @GetMapping(value = "/progress", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    Map<String, Object> progress(@PathVariable long communityId, @PathVariable long importId) {
        RosterImport upload = find(communityId, importId);
        return Map.of("done", upload.doneRows(), "total", upload.totalRows() - upload.errorRows(),
                "finished", upload.finished());
    }

    @PostMapping("/apply")
    @Requires(Capability.KEEP_ROSTER)
    String apply(@PathVariable long communityId, @PathVariable long importId, HttpServletRequest request,
                 RedirectAttributes flash) throws IOException {
        RosterImport upload = find(communityId, importId);
        if (!uploads.start(upload, current.of(request).actor())) {
            flash.addFlashAttribute("problem", text.text("console.import.already"));
        }
        return "redirect:/admin/c/" + communityId + "/roster/imports/" + importId;
    }

    private RosterImport find(long communityId, long importId) {
        return importing.find(importId).filter(found -> found.communityId() == communityId).orElseThrow(NotFound::new);
    }
}
