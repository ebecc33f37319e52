package org.yunxie.core.roster;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/**
 * Staff issue a binding code for a household: eight digits, easy to read out and type on a phone,
 * usable once, until it expires. Guessing is kept in check by rate limits in the channels.
 */
@Service
public class IssuingBindingCode {

    private static final int DIGITS = 8;
    private static final int ATTEMPTS = 5;

    private final BindingCodeMapper codes;
    private final HouseholdMapper households;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    IssuingBindingCode(BindingCodeMapper codes, HouseholdMapper households, AuditLog audit, Clock clock) {
        this.codes = codes;
        this.households = households;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result<BindingCode> issue(long householdId, MemberRole role, Duration validFor, Actor actor,
                                     Channel channel) {
        Household household = households.findById(householdId).orElse(null);
        if (household == null) {
            return Result.refused(RefusalReason.HOUSEHOLD_NOT_FOUND, householdId);
        }
        Instant now = clock.instant();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            BindingCode code = new BindingCode(0, householdId, newCode(), role, actor.label(), now,
                    now.plus(validFor), null, null);
            try {
                NewId id = new NewId();
                codes.insert(code, id);
                audit.of(actor, channel).community(household.communityId()).household(householdId)
                        .record("binding_code.issued", role + " until " + code.expiresAt());
                return Result.done(new BindingCode(id.value(), householdId, code.code(), role, code.issuedBy(),
                        now, code.expiresAt(), null, null));
            } catch (DuplicateKeyException collision) {
                // Codes are never reused; a collision with an old one just draws again.
            }
        }
        throw new IllegalStateException("could not draw a free binding code in " + ATTEMPTS + " attempts");
    }

    /** The community's codes that can still be redeemed, for staff to hand out (and the demo to show). */
    public List<UnusedCode> unused(long communityId, int limit) {
        return codes.findUnused(communityId, clock.instant(), limit);
    }

    private String newCode() {
        StringBuilder code = new StringBuilder(DIGITS);
        code.append(1 + random.nextInt(9));
        while (code.length() < DIGITS) {
            code.append(random.nextInt(10));
        }
        return code.toString();
    }
}
