package org.yunxie.admin.security;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.yunxie.admin.web.AnyAccount;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.NotFound;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Accounts;
import org.yunxie.core.account.IssuedPassword;
import org.yunxie.core.account.SettingUpAdministrator;
import org.yunxie.core.shared.Result;

/** The one-time setup page: creates the first administrator, only while no account exists, with the logged code. */
@Controller
@WithConsole
class SetupController {

    private final Accounts accounts;
    private final SettingUpAdministrator setup;
    private final SetupCode code;
    private final ConsoleText text;

    SetupController(Accounts accounts, SettingUpAdministrator setup, SetupCode code, ConsoleText text) {
        this.accounts = accounts;
        this.setup = setup;
        this.code = code;
        this.text = text;
    }

    @GetMapping("/admin/setup")
    String form() {
        if (accounts.anyExists()) {
            throw new NotFound();
        }
        return "admin/setup";
    }

    @PostMapping("/admin/setup")
    @AnyAccount
    synchronized String create(@RequestParam String setupCode, @RequestParam String username,
                               @RequestParam String displayName, @RequestParam String street, Model model) {
        if (accounts.anyExists()) {
            throw new NotFound();
        }
        if (!code.matches(setupCode)) {
            model.addAttribute("problem", text.text("console.setup.wrong-code"));
            return "admin/setup";
        }
        Result<IssuedPassword> created = setup.create(username, displayName, street);
        if (created instanceof Result.Refused<IssuedPassword> refused) {
            model.addAttribute("problem", text.refusal(refused.refusal()));
            return "admin/setup";
        }
        model.addAttribute("issued", created.orElseThrow());
        return "admin/password-issued";
    }
}
