package org.yunxie.core.account;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/** A signed-in user replaces their password, giving the current one; required after a generated one. */
@Service
public class ChangingPassword {

    private final AccountMapper mapper;
    // The hosting application supplies the hasher (the console: BCrypt); core alone runs without one.
    private final ObjectProvider<PasswordHasher> hasher;
    private final AuditLog audit;
    private final Clock clock;

    ChangingPassword(AccountMapper mapper, ObjectProvider<PasswordHasher> hasher, AuditLog audit, Clock clock) {
        this.mapper = mapper;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result<Account> change(long accountId, String current, String chosen) {
        Account account = mapper.findById(accountId).orElseThrow();
        if (current == null || !hasher.getObject().matches(current, account.passwordHash())) {
            return Result.refused(RefusalReason.PASSWORD_WRONG);
        }
        if (!Passwords.acceptable(chosen) || chosen.equals(current)
                || chosen.toLowerCase(java.util.Locale.ROOT).contains(account.username())) {
            return Result.refused(RefusalReason.PASSWORD_TOO_WEAK, Passwords.MIN_LENGTH);
        }
        mapper.updatePassword(accountId, hasher.getObject().hash(chosen), false, clock.instant());
        audit.of(account.actor(), Channel.CONSOLE).record("account.password_changed", account.username());
        return Result.done(mapper.findById(accountId).orElseThrow());
    }
}
