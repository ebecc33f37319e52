package org.yunxie.admin.account;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.CurrentAccount;
import org.yunxie.admin.web.Requires;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Account;
import org.yunxie.core.account.AccountRequest;
import org.yunxie.core.account.Accounts;
import org.yunxie.core.account.Capability;
import org.yunxie.core.account.ConsoleRole;
import org.yunxie.core.account.CreatingAccount;
import org.yunxie.core.account.IssuedPassword;
import org.yunxie.core.account.ManagingAccount;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.shared.Result;

/** Administrators create accounts for their communities, reset passwords and disable accounts. */
@Controller
@WithConsole
class AccountsController {

    private final CurrentAccount current;
    private final Accounts accounts;
    private final CreatingAccount creating;
    private final ManagingAccount managing;
    private final ConsoleText text;
    private final Roster roster;

    AccountsController(CurrentAccount current, Accounts accounts, CreatingAccount creating, ManagingAccount managing,
                       ConsoleText text, Roster roster) {
        this.roster = roster;
        this.current = current;
        this.accounts = accounts;
        this.creating = creating;
        this.managing = managing;
        this.text = text;
    }

    @GetMapping("/admin/accounts")
    @Requires(Capability.MANAGE_ACCOUNTS)
    String list(HttpServletRequest request, Model model) {
        Account me = current.of(request);
        List<Account> relevant = accounts.relevantTo(me);
        Map<Long, List<Long>> given = relevant.stream()
                .collect(Collectors.toMap(Account::id, account -> accounts.givenCommunityIds(account.id())));
        model.addAttribute("accounts", relevant);
        model.addAttribute("given", given);
        model.addAttribute("communityNames", accounts.communityIds(me).stream().collect(Collectors.toMap(id -> id,
                id -> roster.community(id).map(Community::name).orElse("#" + id))));
        model.addAttribute("manageable", relevant.stream().filter(a -> accounts.manages(me, a)).map(Account::id)
                .collect(Collectors.toSet()));
        model.addAttribute("roles", me.role().grants().stream().sorted().toList());
        return "admin/accounts";
    }

    @PostMapping("/admin/accounts")
    @Requires(Capability.MANAGE_ACCOUNTS)
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam ConsoleRole role,
                  @RequestParam(required = false) List<Long> communities, HttpServletRequest request, Model model,
                  RedirectAttributes flash) {
        Result<IssuedPassword> created = creating.create(new AccountRequest(username, displayName, role,
                communities == null ? List.of() : communities), current.of(request));
        return issued(created, model, flash);
    }

    @PostMapping("/admin/accounts/{accountId}/reset")
    @Requires(Capability.MANAGE_ACCOUNTS)
    String reset(@PathVariable long accountId, HttpServletRequest request, Model model, RedirectAttributes flash) {
        return issued(managing.resetPassword(accountId, current.of(request)), model, flash);
    }

    @PostMapping("/admin/accounts/{accountId}/disable")
    @Requires(Capability.MANAGE_ACCOUNTS)
    String disable(@PathVariable long accountId, HttpServletRequest request, RedirectAttributes flash) {
        Result<Account> disabled = managing.disable(accountId, current.of(request));
        if (disabled instanceof Result.Refused<Account> refused) {
            flash.addFlashAttribute("problem", text.refusal(refused.refusal()));
        } else {
            flash.addFlashAttribute("notice", text.text("console.accounts.disabled", disabled.orElseThrow().username()));
        }
        return "redirect:/admin/accounts";
    }

    /** A new password is shown on its own page, once, and never put in a redirect or the session. */
    private String issued(Result<IssuedPassword> result, Model model, RedirectAttributes flash) {
        if (result instanceof Result.Refused<IssuedPassword> refused) {
            flash.addFlashAttribute("problem", text.refusal(refused.refusal()));
            return "redirect:/admin/accounts";
        }
        model.addAttribute("issued", result.orElseThrow());
        return "admin/password-issued";
    }
}
