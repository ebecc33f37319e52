package org.yunxie.core.account;

import java.time.Instant;

/** A street office (街道) and, through street_community, the communities it oversees. */
public record Street(long id, String name, Instant createdAt) {
}
