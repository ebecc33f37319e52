package org.yunxie.core.outbox;

import java.time.Instant;

/** Thrown by a publisher that may not send yet, for example because a robot's per-minute budget is spent. */
public class PublishLater extends Exception {

    private final transient Instant notBefore;

    public PublishLater(Instant notBefore) {
        super("deferred until " + notBefore);
        this.notBefore = java.util.Objects.requireNonNull(notBefore, "notBefore");
    }

    public Instant notBefore() {
        return notBefore;
    }
}
