package org.yunxie.admin.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Accounts;

/** The sign-in page; when no account exists yet it points to the documented ways of creating the first one. */
@Controller
@WithConsole
class SignInController {

    private final Accounts accounts;

    SignInController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/admin/login")
    String signIn(org.springframework.ui.Model model) {
        model.addAttribute("noAccountYet", !accounts.anyExists());
        return "admin/login";
    }
}
