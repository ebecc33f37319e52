package org.yunxie.core.roster;

import java.util.Objects;

public record ChatIdentity(IdentityKind kind, String externalId) {

    public ChatIdentity {
        Objects.requireNonNull(kind, "kind");
        if (externalId == null || externalId.isBlank()) {
            throw new IllegalArgumentException("an identity needs an id");
        }
    }
}
