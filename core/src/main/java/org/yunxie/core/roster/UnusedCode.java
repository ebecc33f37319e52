package org.yunxie.core.roster;

import java.time.Instant;

/** A binding code that can still be redeemed, with the unit it binds to. */
public record UnusedCode(String unitLabel, MemberRole role, String code, Instant expiresAt) {
}
