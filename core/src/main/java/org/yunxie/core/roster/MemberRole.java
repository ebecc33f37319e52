package org.yunxie.core.roster;

public enum MemberRole {
    OWNER, TENANT, FAMILY, LANDLORD;

    /** Owners and landlords (owners who let the unit) are counted as owners by head. */
    public boolean owns() {
        return this == OWNER || this == LANDLORD;
    }
}
