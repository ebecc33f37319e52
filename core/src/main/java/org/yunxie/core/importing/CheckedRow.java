package org.yunxie.core.importing;

import java.math.BigDecimal;
import java.util.List;

import org.yunxie.core.roster.MemberRole;

/**
 * A line of a roster file that passed its checks, with what applying it will do to the roster: create the
 * household, change its area or status, or leave it as it is.
 */
public record CheckedRow(int line, String building, String unitLabel, BigDecimal area, String ineligibleReason,
                         List<Contact> contacts, Effect effect) {

    public CheckedRow {
        contacts = List.copyOf(contacts);
    }

    public enum Effect { CREATE, UPDATE, UNCHANGED }

    /** A person to issue a binding code to, by name and the role the code binds with. */
    public record Contact(String name, MemberRole role) {
    }
}
