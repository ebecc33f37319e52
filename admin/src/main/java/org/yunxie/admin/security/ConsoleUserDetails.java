package org.yunxie.admin.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Accounts;

/** Finds console accounts for sign-in. Being a bean also keeps Spring Boot from inventing a default user. */
@Component
@WithConsole
class ConsoleUserDetails implements UserDetailsService {

    private final Accounts accounts;

    ConsoleUserDetails(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.byUsername(username).map(ConsoleUser::of)
                .orElseThrow(() -> new UsernameNotFoundException("no such console account"));
    }
}
