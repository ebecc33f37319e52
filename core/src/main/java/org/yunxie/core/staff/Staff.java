package org.yunxie.core.staff;

import java.time.Instant;

import org.yunxie.core.shared.Actor;

/** A staff person of a community, known in WeCom by a userid. */
public record Staff(long id, long communityId, String displayName, StaffRole role, String wecomUserid,
                    Instant createdAt) {

    public Actor actor() {
        return Actor.staff(Long.toString(id), displayName);
    }
}
