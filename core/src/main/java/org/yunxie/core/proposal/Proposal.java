package org.yunxie.core.proposal;

import java.time.Instant;

import org.yunxie.core.shared.Channel;

/** A household's proposal (提案), numbered per community (P3), with its supports and the answer it got. */
public record Proposal(long id, long communityId, int number, long roundId, long householdId, String unitLabel,
                       Long memberId, Channel channel, String body, Instant submittedAt, Instant flaggedAt,
                       Long promotedRoundId, Instant respondedAt, ProposalResponse response, String responseNote,
                       Long mergedIntoId, String respondedBy, int supports) {

    public boolean answered() {
        return respondedAt != null;
    }
}
