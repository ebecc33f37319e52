package org.yunxie.core.roster;

import java.time.Instant;

public record Building(long id, long communityId, String name, Instant createdAt) {
}
