package org.yunxie.admin.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.yunxie.admin.security.ConsoleUser;
import org.yunxie.core.account.Account;
import org.yunxie.core.account.Accounts;

/** The signed-in account, read once per request from the database; null when nobody is signed in. */
@Component
@WithConsole
public class CurrentAccount {

    private static final String ATTRIBUTE = CurrentAccount.class.getName();

    private final Accounts accounts;

    CurrentAccount(Accounts accounts) {
        this.accounts = accounts;
    }

    public Account of(HttpServletRequest request) {
        Object cached = request.getAttribute(ATTRIBUTE);
        if (cached instanceof Account account) {
            return account;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ConsoleUser user)) {
            return null;
        }
        Account account = accounts.byId(user.accountId()).filter(Account::enabled).orElse(null);
        if (account == null) {
            throw new Forbidden();
        }
        request.setAttribute(ATTRIBUTE, account);
        return account;
    }
}
