package org.yunxie.core.ballot;

import java.util.List;

import org.yunxie.core.shared.Channel;

/**
 * A member's ballot (or pledge) as a channel understood it: the round, the option keys chosen, and the
 * household when the member named one; without it the member's only household on the roll is used.
 */
public record BallotRequest(long roundId, long memberId, Long householdId, List<String> optionKeys,
                            Channel channel) {

    public BallotRequest {
        optionKeys = List.copyOf(optionKeys);
    }
}
