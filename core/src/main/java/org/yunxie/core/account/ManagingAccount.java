package org.yunxie.core.account;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/** An administrator resets another account's password (a new one, shown once) or disables the account. */
@Service
public class ManagingAccount {

    private final AccountMapper mapper;
    private final Accounts accounts;
    // The hosting application supplies the hasher (the console: BCrypt); core alone runs without one.
    private final ObjectProvider<PasswordHasher> hasher;
    private final AuditLog audit;
    private final Clock clock;

    ManagingAccount(AccountMapper mapper, Accounts accounts, ObjectProvider<PasswordHasher> hasher, AuditLog audit,
                    Clock clock) {
        this.mapper = mapper;
        this.accounts = accounts;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result<IssuedPassword> resetPassword(long accountId, Account manager) {
        Account target = mapper.findById(accountId).filter(found -> accounts.manages(manager, found)).orElse(null);
        if (target == null) {
            return Result.refused(RefusalReason.ROLE_NOT_ALLOWED);
        }
        String password = Passwords.generate();
        mapper.updatePassword(target.id(), hasher.getObject().hash(password), true, clock.instant());
        audit.of(manager.actor(), Channel.CONSOLE).record("account.password_reset", target.username());
        return Result.done(new IssuedPassword(mapper.findById(target.id()).orElseThrow(), password));
    }

    @Transactional
    public Result<Account> disable(long accountId, Account manager) {
        Account target = mapper.findById(accountId).filter(found -> accounts.manages(manager, found)).orElse(null);
        if (target == null) {
            return Result.refused(RefusalReason.ROLE_NOT_ALLOWED);
        }
        mapper.markDisabled(target.id(), clock.instant());
        audit.of(manager.actor(), Channel.CONSOLE).record("account.disabled", target.username());
        return Result.done(mapper.findById(target.id()).orElseThrow());
    }
}
