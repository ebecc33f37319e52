package org.yunxie.core.roster;

import java.time.Clock;
import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/**
 * A person redeems a binding code from a chat identity and is bound to the code's household.
 * The person becomes a member on first binding; a wrong, used or expired code binds nothing.
 */
@Service
public class BindingMember {

    private final BindingCodeMapper codes;
    private final MemberMapper members;
    private final HouseholdMapper households;
    private final AuditLog audit;
    private final Clock clock;

    BindingMember(BindingCodeMapper codes, MemberMapper members, HouseholdMapper households, AuditLog audit,
                  Clock clock) {
        this.codes = codes;
        this.members = members;
        this.households = households;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Result<Binding> bind(ChatIdentity identity, String displayName, String typedCode, Channel channel) {
        String code = typedCode == null ? "" : typedCode.strip();
        BindingCode found = codes.findByCode(code).orElse(null);
        Instant now = clock.instant();
        if (found == null) {
            return Result.refused(RefusalReason.CODE_UNKNOWN);
        }
        if (found.usedAt() != null) {
            return Result.refused(RefusalReason.CODE_USED);
        }
        if (!now.isBefore(found.expiresAt())) {
            return Result.refused(RefusalReason.CODE_EXPIRED);
        }
        Household household = households.findById(found.householdId()).orElseThrow();
        Member member = members.findByIdentity(identity).orElse(null);
        if (member != null && members.findBindings(member.id()).stream()
                .anyMatch(binding -> binding.householdId() == household.id())) {
            return Result.refused(RefusalReason.ALREADY_BOUND, household.unitLabel());
        }
        if (member == null) {
            member = newMember(identity, displayName, now);
        }
        if (codes.markUsed(found.id(), member.id(), now) == 0) {
            // Someone redeemed the same code a moment earlier: undo the member we may have created.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return Result.refused(RefusalReason.CODE_USED);
        }
        members.insertBinding(household.id(), member.id(), found.role(), found.id(), now);
        audit.of(Actor.member(member.id(), member.displayName()), channel)
                .community(household.communityId()).household(household.id())
                .record("member.bound", found.role() + " via code " + found.id());
        return Result.done(new Binding(household.id(), member.id(), found.role(), now,
                household.communityId(), household.unitLabel()));
    }

    private Member newMember(ChatIdentity identity, String displayName, Instant now) {
        String name = displayName == null || displayName.isBlank() ? identity.externalId() : displayName.strip();
        NewId id = new NewId();
        members.insert(new Member(0, name, now), id);
        members.insertIdentity(id.value(), identity, now);
        return new Member(id.value(), name, now);
    }
}
