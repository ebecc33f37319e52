package org.yunxie.admin.account;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunxie.admin.web.AnyAccount;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.CurrentAccount;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Account;
import org.yunxie.core.account.ChangingPassword;
import org.yunxie.core.shared.Result;

/** Every account changes its own password here; one with a generated password is sent here first. */
@Controller
@WithConsole
class PasswordController {

    private final CurrentAccount current;
    private final ChangingPassword changing;
    private final ConsoleText text;

    PasswordController(CurrentAccount current, ChangingPassword changing, ConsoleText text) {
        this.current = current;
        this.changing = changing;
        this.text = text;
    }

    @GetMapping("/admin/password")
    String form() {
        return "admin/password";
    }

    @PostMapping("/admin/password")
    @AnyAccount
    String change(@RequestParam String current, @RequestParam String chosen, @RequestParam String repeated,
                  HttpServletRequest request, Model model, RedirectAttributes flash) {
        Account me = this.current.of(request);
        if (!chosen.equals(repeated)) {
            model.addAttribute("problem", text.text("console.password.mismatch"));
            return "admin/password";
        }
        Result<Account> changed = changing.change(me.id(), current, chosen);
        if (changed instanceof Result.Refused<Account> refused) {
            model.addAttribute("problem", text.refusal(refused.refusal()));
            return "admin/password";
        }
        flash.addFlashAttribute("notice", text.text("console.password.changed"));
        return "redirect:/admin/";
    }
}
