package org.yunxie.core.roster;

import java.time.Instant;

/** A member and one of their bindings as one row; the binding's columns are null for a member bound nowhere. */
record MemberBindingRow(long memberId, String displayName, Instant createdAt, Long householdId, MemberRole role,
                        Instant boundAt, Long communityId, String unitLabel) {
}
