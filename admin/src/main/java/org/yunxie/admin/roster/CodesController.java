package org.yunxie.admin.roster;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.CurrentAccount;
import org.yunxie.admin.web.Requires;
import org.yunxie.admin.web.Scoped;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Capability;
import org.yunxie.core.overview.HouseholdOnRoster;
import org.yunxie.core.overview.Overview;
import org.yunxie.core.roster.Building;
import org.yunxie.core.roster.IssuingBindingCode;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;

/**
 * Binding codes of a building as a printable sheet of slips, one per code, for staff to hand out door to door;
 * and issuing a code for every household of the building that has nobody bound and no code waiting.
 */
@Controller
@WithConsole
@RequestMapping("/admin/c/{communityId}/roster/codes/{buildingId}")
class CodesController {

    static final Duration VALID_FOR = Duration.ofDays(30);

    private final Scoped scoped;
    private final Overview overview;
    private final IssuingBindingCode issuing;
    private final CurrentAccount current;
    private final ConsoleText text;

    CodesController(Scoped scoped, Overview overview, IssuingBindingCode issuing, CurrentAccount current,
                    ConsoleText text) {
        this.scoped = scoped;
        this.overview = overview;
        this.issuing = issuing;
        this.current = current;
        this.text = text;
    }

    @GetMapping
    String sheet(@PathVariable long communityId, @PathVariable long buildingId, Model model) {
        Building building = scoped.building(communityId, buildingId);
        model.addAttribute("building", building);
        model.addAttribute("slips", overview.unusedCodes(communityId, buildingId));
        return "admin/codes";
    }

    @PostMapping
    @Requires(Capability.KEEP_ROSTER)
    String issue(@PathVariable long communityId, @PathVariable long buildingId, HttpServletRequest request,
                 RedirectAttributes flash) {
        scoped.building(communityId, buildingId);
        Actor actor = current.of(request).actor();
        int issued = 0;
        for (HouseholdOnRoster household : overview.roster(communityId)) {
            if (household.buildingId() == buildingId && household.ineligibleReason() == null
                    && household.members() == 0 && household.unusedCodes() == 0) {
                issuing.issue(household.id(), MemberRole.OWNER, VALID_FOR, actor, Channel.CONSOLE).orElseThrow();
                issued++;
            }
        }
        flash.addFlashAttribute("notice", text.text("console.codes.issued", issued));
        return "redirect:/admin/c/" + communityId + "/roster/codes/" + buildingId;
    }
}
