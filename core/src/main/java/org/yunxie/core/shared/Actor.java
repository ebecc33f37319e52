package org.yunxie.core.shared;

import java.util.Objects;

/** Who did something: a resident member, a staff person, or the system itself (a job). */
public record Actor(Kind kind, String id, String name) {

    public enum Kind { MEMBER, STAFF, SYSTEM }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    public static Actor member(long memberId, String name) {
        return new Actor(Kind.MEMBER, Long.toString(memberId), name);
    }

    public static Actor staff(String staffId, String name) {
        return new Actor(Kind.STAFF, staffId, name);
    }

    public static Actor system(String jobName) {
        return new Actor(Kind.SYSTEM, null, jobName);
    }

    /** Short form kept on rows that record who entered something, e.g. {@code STAFF:3:李娟}. */
    public String label() {
        return id == null ? kind + ":" + name : kind + ":" + id + ":" + name;
    }
}
