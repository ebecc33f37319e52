package org.yunxie.core.roster;

import java.time.Instant;

public record Community(long id, String name, Instant createdAt) {
}
