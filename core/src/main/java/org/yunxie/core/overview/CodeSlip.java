package org.yunxie.core.overview;

import java.time.Instant;

import org.yunxie.core.roster.MemberRole;

/** An unused binding code to hand out, with the unit, the role and, if imported, the person it is for. */
public record CodeSlip(String buildingName, String unitLabel, MemberRole role, String code, Instant expiresAt,
                       String holderName) {
}
