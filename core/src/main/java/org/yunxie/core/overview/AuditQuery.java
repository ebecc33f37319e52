package org.yunxie.core.overview;

import java.time.Instant;

/** Filters of the audit log page; any may be null. {@code action} matches the start ("ballot." finds all ballots). */
public record AuditQuery(long communityId, Integer roundNumber, String unitLabel, String action, String actor,
                         Instant from, Instant until, int limit) {
}
