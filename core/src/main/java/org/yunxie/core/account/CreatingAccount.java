package org.yunxie.core.account;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/**
 * An administrator creates a console account with a generated password, shown once; the new user must
 * change it at first sign-in. Nobody can give a role or a community they do not have themselves.
 */
@Service
public class CreatingAccount {

    private final AccountMapper mapper;
    private final Accounts accounts;
    // The hosting application supplies the hasher (the console: BCrypt); core alone runs without one.
    private final ObjectProvider<PasswordHasher> hasher;
    private final AuditLog audit;
    private final Clock clock;

    CreatingAccount(AccountMapper mapper, Accounts accounts, ObjectProvider<PasswordHasher> hasher, AuditLog audit,
                    Clock clock) {
        this.mapper = mapper;
        this.accounts = accounts;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result<IssuedPassword> create(AccountRequest request, Account creator) {
        String username = request.username() == null ? "" : Usernames.normal(request.username());
        if (!Usernames.valid(username)) {
            return Result.refused(RefusalReason.USERNAME_INVALID, username);
        }
        if (request.displayName() == null || request.displayName().isBlank() || request.displayName().length() > 50) {
            return Result.refused(RefusalReason.NAME_MISSING);
        }
        boolean street = request.role() == ConsoleRole.STREET_ADMIN;
        if (request.role() == null || !creator.enabled() || !creator.role().grants().contains(request.role())
                || (street ? creator.streetId() == null : request.communityIds().isEmpty())
                || !new HashSet<>(accounts.communityIds(creator)).containsAll(request.communityIds())) {
            return Result.refused(RefusalReason.ROLE_NOT_ALLOWED, request.role());
        }
        if (mapper.findByUsername(username).isPresent()) {
            return Result.refused(RefusalReason.USERNAME_TAKEN, username);
        }
        String password = Passwords.generate();
        Instant now = clock.instant();
        Account account = new Account(0, username, request.displayName().strip(), hasher.getObject().hash(password),
                request.role(), street ? creator.streetId() : null, true, creator.actor().label(), now, now, null, null);
        NewId id = new NewId();
        try {
            mapper.insert(account, id);
        } catch (DuplicateKeyException raced) {
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Result.refused(RefusalReason.USERNAME_TAKEN, username);
        }
        if (!street) {
            request.communityIds().stream().distinct().forEach(c -> mapper.insertCommunity(id.value(), c));
        }
        for (Long community : street ? accounts.communityIds(creator) : request.communityIds()) {
            audit.of(creator.actor(), Channel.CONSOLE).community(community)
                    .record("account.created", username + " " + request.role());
        }
        return Result.done(new IssuedPassword(mapper.findById(id.value()).orElseThrow(), password));
    }
}
