package org.yunxie.core.group;

import java.time.Instant;

/** A chat group of residents, bound to one or more buildings. */
public record ChatGroup(long id, long communityId, String name, Instant createdAt) {
}
