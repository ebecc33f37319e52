package org.yunxie.core.audit;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.InsertedAtCommit;

/**
 * The append-only record of every state change, ballot, pledge and staff action. Written in the
 * caller's transaction, so an entry exists exactly when the change it describes does; with its commit, so that
 * the entries of votes answered together take one statement.
 */
@Component
public class AuditLog {

    private final AuditMapper mapper;
    private final InsertedAtCommit atCommit;
    private final InsertedAtCommit.Table<AuditEntry> entries;
    private final Clock clock;

    AuditLog(AuditMapper mapper, InsertedAtCommit atCommit, Clock clock) {
        this.mapper = mapper;
        this.atCommit = atCommit;
        this.entries = new InsertedAtCommit.Table<>("audit_entry", mapper::insertAll);
        this.clock = clock;
    }

    public Recording of(Actor actor, Channel channel) {
        return new Recording(actor, channel);
    }

    public List<AuditEntry> ofRound(long roundId) {
        atCommit.flush();
        return mapper.findByRound(roundId);
    }

    public List<AuditEntry> latestOfCommunity(long communityId, int limit) {
        atCommit.flush();
        return mapper.findByCommunity(communityId, limit);
    }

    /** Collects the context of one entry: {@code audit.of(actor, channel).round(c, r).household(h).record(...)}. */
    public final class Recording {
        private final Actor actor;
        private final Channel channel;
        private Long communityId;
        private Long roundId;
        private Long householdId;

        private Recording(Actor actor, Channel channel) {
            this.actor = actor;
            this.channel = channel;
        }

        public Recording community(long communityId) {
            this.communityId = communityId;
            return this;
        }

        public Recording round(long communityId, long roundId) {
            this.communityId = communityId;
            this.roundId = roundId;
            return this;
        }

        public Recording household(long householdId) {
            this.householdId = householdId;
            return this;
        }

        public void record(String action, String detail) {
            atCommit.insert(entries, new AuditEntry(null, clock.instant(), communityId, roundId, householdId,
                    actor.kind(), actor.id(), actor.name(), channel, action, detail));
        }
    }
}
