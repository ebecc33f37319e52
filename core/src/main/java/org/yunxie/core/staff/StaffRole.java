package org.yunxie.core.staff;

/** What a staff person may do in a community. */
public enum StaffRole {
    /** 社区管理员: everything in the community. */
    COMMUNITY_ADMIN,
    /** 社工: launches and runs rounds, keeps the roster. */
    STAFF,
    /** 理事: promotes proposals, sees everything of the community. */
    COUNCIL,
    /** 监事: reads and audits, changes nothing. */
    SUPERVISOR;

    /** Whether the role may launch, remind, close and extend rounds from a chat. */
    public boolean runsRounds() {
        return this == COMMUNITY_ADMIN || this == STAFF;
    }
}
