package org.yunxie.core.roster;

import java.time.Instant;

/** A person who may act for the households bound to them. */
public record Member(long id, String displayName, Instant createdAt) {
}
