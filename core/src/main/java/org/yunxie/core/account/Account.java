package org.yunxie.core.account;

import java.time.Instant;

import org.yunxie.core.shared.Actor;

/** A person who signs in to the staff console. Only the BCrypt hash of the password is ever stored. */
public record Account(long id, String username, String displayName, String passwordHash, ConsoleRole role,
                      Long streetId, boolean mustChangePassword, String createdBy, Instant createdAt,
                      Instant passwordChangedAt, Instant disabledAt, Instant lastLoginAt) {

    public boolean enabled() {
        return disabledAt == null;
    }

    /** How the account appears in the audit log and on the rows it enters, e.g. {@code STAFF:console-3:李娟}. */
    public Actor actor() {
        return Actor.staff("console-" + id, displayName);
    }
}
