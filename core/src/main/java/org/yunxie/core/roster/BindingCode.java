package org.yunxie.core.roster;

import java.time.Instant;

/** A staff-issued proof that lets one person bind to one household, once, before it expires. */
public record BindingCode(long id, long householdId, String code, MemberRole role, String issuedBy,
                          Instant issuedAt, Instant expiresAt, Instant usedAt, Long usedByMemberId) {
}
