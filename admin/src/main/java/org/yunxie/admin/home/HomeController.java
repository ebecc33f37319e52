package org.yunxie.admin.home;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.CurrentAccount;
import org.yunxie.admin.web.Requires;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Account;
import org.yunxie.core.account.Accounts;
import org.yunxie.core.account.AddingCommunity;
import org.yunxie.core.account.Capability;
import org.yunxie.core.roster.Community;
import org.yunxie.core.shared.Result;

/** Where sign-in lands: straight into the only community, or the list of the account's communities. */
@Controller
@WithConsole
class HomeController {

    private final CurrentAccount current;
    private final Accounts accounts;
    private final AddingCommunity adding;
    private final ConsoleText text;

    HomeController(CurrentAccount current, Accounts accounts, AddingCommunity adding, ConsoleText text) {
        this.current = current;
        this.accounts = accounts;
        this.adding = adding;
        this.text = text;
    }

    @GetMapping({"/admin", "/admin/"})
    String home(HttpServletRequest request) {
        List<Long> mine = accounts.communityIds(current.of(request));
        return mine.size() == 1 ? "redirect:/admin/c/" + mine.get(0) : "admin/home";
    }

    @PostMapping("/admin/communities")
    @Requires(Capability.MANAGE_ACCOUNTS)
    String addCommunity(@RequestParam String name, HttpServletRequest request, RedirectAttributes flash) {
        Account me = current.of(request);
        Result<Community> added = adding.add(name, me);
        if (added instanceof Result.Refused<Community> refused) {
            flash.addFlashAttribute("problem", text.refusal(refused.refusal()));
            return "redirect:/admin/";
        }
        flash.addFlashAttribute("notice", text.text("console.home.added", added.orElseThrow().name()));
        return "redirect:/admin/";
    }
}
