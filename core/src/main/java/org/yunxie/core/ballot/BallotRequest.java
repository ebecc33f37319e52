package org.yunxie.core.ballot;

import java.time.Instant;
import java.util.List;

import org.yunxie.core.roster.Member;
import org.yunxie.core.shared.Channel;

/**
 * A member's ballot (or pledge) as a channel understood it: the round, the option keys chosen, and the
 * household when the member named one; without it the member's only household on the roll is used.
 * {@code memberName} is the name the channel already read with the member (for the audit log); when null,
 * casting reads the member itself. {@code sentAt} is when the member sent it, for a message recorded later than
 * it arrived (taken in during a burst, or before a restart); null for one recorded as it arrives.
 */
public record BallotRequest(long roundId, long memberId, Long householdId, List<String> optionKeys,
                            Channel channel, String memberName, Instant sentAt) {

    public BallotRequest {
        optionKeys = List.copyOf(optionKeys);
    }

    public BallotRequest(long roundId, long memberId, Long householdId, List<String> optionKeys, Channel channel) {
        this(roundId, memberId, householdId, optionKeys, channel, null, null);
    }

    /** A ballot from a member the channel has just read. */
    public static BallotRequest by(Member member, long roundId, Long householdId, List<String> optionKeys,
                                   Channel channel) {
        return new BallotRequest(roundId, member.id(), householdId, optionKeys, channel, member.displayName(), null);
    }

    /** The same ballot, sent at {@code sentAt} (null: now). */
    public BallotRequest sentAt(Instant sentAt) {
        return new BallotRequest(roundId, memberId, householdId, optionKeys, channel, memberName, sentAt);
    }
}
