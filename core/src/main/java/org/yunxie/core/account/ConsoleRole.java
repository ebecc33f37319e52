package org.yunxie.core.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a console account is. A street administrator sees every community of its street; the other roles
 * see the communities they were given. Each role may do a fixed set of things there.
 */
public enum ConsoleRole {
    /** 街道管理员: everything in every community of the street, and adds communities. */
    STREET_ADMIN(EnumSet.allOf(Capability.class)),
    /** 社区管理员: everything in the community, accounts included. */
    COMMUNITY_ADMIN(EnumSet.allOf(Capability.class)),
    /** 社工: runs rounds, keeps the roster, the ledger and the groups, answers proposals. */
    STAFF(EnumSet.of(Capability.RUN_ROUNDS, Capability.KEEP_LEDGER, Capability.KEEP_ROSTER,
            Capability.KEEP_GROUPS, Capability.ANSWER_PROPOSALS, Capability.PROMOTE_PROPOSALS)),
    /** 理事: sees everything of the community and promotes proposals to polls. */
    COUNCIL(EnumSet.of(Capability.PROMOTE_PROPOSALS)),
    /** 监事: reads, audits and checks receipts; changes nothing. */
    SUPERVISOR(EnumSet.noneOf(Capability.class));

    private final Set<Capability> capabilities;

    ConsoleRole(Set<Capability> capabilities) {
        this.capabilities = capabilities;
    }

    public boolean may(Capability capability) {
        return capabilities.contains(capability);
    }

    /** The roles this role may give to accounts it creates: never more than it has itself. */
    public Set<ConsoleRole> grants() {
        return switch (this) {
            case STREET_ADMIN -> EnumSet.allOf(ConsoleRole.class);
            case COMMUNITY_ADMIN -> EnumSet.of(COMMUNITY_ADMIN, STAFF, COUNCIL, SUPERVISOR);
            default -> EnumSet.noneOf(ConsoleRole.class);
        };
    }
}
