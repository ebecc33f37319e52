package org.yunxie.core.roster;

import java.time.Instant;

/**
 * A member (found by the chat identity {@code externalId}) and one of their bindings as one row; the binding's
 * columns are null for a member bound nowhere.
 */
record MemberBindingRow(String externalId, long memberId, String displayName, Instant createdAt, Long householdId, MemberRole role,
                        Instant boundAt, Long communityId, String unitLabel) {
}
