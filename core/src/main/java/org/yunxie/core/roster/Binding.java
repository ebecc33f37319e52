package org.yunxie.core.roster;

import java.time.Instant;

/** A member bound to a household with a role. */
public record Binding(long householdId, long memberId, MemberRole role, Instant boundAt,
                      long communityId, String unitLabel) {
}
