package org.yunxie.core.account;

import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/**
 * Creates a street administrator from the server's command line (or the one-time setup page), with a
 * generated password shown once. The street is created if new, and takes in every community that has no
 * street yet, so the first administrator sees what is already there.
 */
@Service
public class SettingUpAdministrator {

    private static final Actor OPERATOR = Actor.system("console-setup");

    private final AccountMapper mapper;
    // The hosting application supplies the hasher (the console: BCrypt); core alone runs without one.
    private final ObjectProvider<PasswordHasher> hasher;
    private final AuditLog audit;
    private final Clock clock;

    SettingUpAdministrator(AccountMapper mapper, ObjectProvider<PasswordHasher> hasher, AuditLog audit, Clock clock) {
        this.mapper = mapper;
        this.hasher = hasher;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result<IssuedPassword> create(String username, String displayName, String streetName) {
        String normal = username == null ? "" : Usernames.normal(username);
        if (!Usernames.valid(normal)) {
            return Result.refused(RefusalReason.USERNAME_INVALID, normal);
        }
        if (streetName == null || streetName.isBlank()) {
            return Result.refused(RefusalReason.NAME_MISSING);
        }
        if (mapper.findByUsername(normal).isPresent()) {
            return Result.refused(RefusalReason.USERNAME_TAKEN, normal);
        }
        Instant now = clock.instant();
        Street street = mapper.findStreetByName(streetName.strip()).orElseGet(() -> {
            NewId id = new NewId();
            mapper.insertStreet(new Street(0, streetName.strip(), now), id);
            return mapper.findStreet(id.value()).orElseThrow();
        });
        for (long community : mapper.findCommunityIdsWithoutStreet()) {
            mapper.attachToStreet(community, street.id());
        }
        String password = Passwords.generate();
        String name = displayName == null || displayName.isBlank() ? normal : displayName.strip();
        NewId id = new NewId();
        mapper.insert(new Account(0, normal, name, hasher.getObject().hash(password), ConsoleRole.STREET_ADMIN, street.id(),
                true, OPERATOR.label(), now, now, null, null), id);
        for (long community : mapper.findStreetCommunityIds(street.id())) {
            audit.of(OPERATOR, Channel.CONSOLE).community(community)
                    .record("account.created", normal + " STREET_ADMIN " + street.name());
        }
        return Result.done(new IssuedPassword(mapper.findById(id.value()).orElseThrow(), password));
    }

    /** For an operator locked out: a new generated password for an existing account, to change at sign-in. */
    @Transactional
    public Result<IssuedPassword> resetFromCommandLine(String username) {
        Account account = mapper.findByUsername(username == null ? "" : Usernames.normal(username)).orElse(null);
        if (account == null) {
            return Result.refused(RefusalReason.USERNAME_INVALID, username);
        }
        String password = Passwords.generate();
        mapper.updatePassword(account.id(), hasher.getObject().hash(password), true, clock.instant());
        audit.of(OPERATOR, Channel.CONSOLE).record("account.password_reset", account.username());
        return Result.done(new IssuedPassword(mapper.findById(account.id()).orElseThrow(), password));
    }
}
