package org.yunxie.admin.security;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.yunxie.core.account.Account;

/**
 * The signed-in account as Spring Security holds it in the session: only its id and name. Every request
 * reads the account afresh (see CurrentAccount), so a role or community taken away counts at once.
 */
public record ConsoleUser(long accountId, String username, String passwordHash, boolean enabled, String role)
        implements UserDetails {

    static ConsoleUser of(Account account) {
        return new ConsoleUser(account.id(), account.username(), account.passwordHash(), account.enabled(),
                account.role().name());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + username + "]";
    }
}
