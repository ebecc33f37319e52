package org.yunxie.core.ballot;

import java.time.Instant;

import org.yunxie.core.shared.Channel;

/**
 * A household's ballot in a round, current or historical. {@code choice} holds option keys ("A" or "A,C");
 * in a secret round it is null and {@code sealedChoice} holds them encrypted.
 */
public record Ballot(Long id, long roundId, long householdId, String choice, String sealedChoice, Long memberId,
                     Channel channel, OfflineKind offlineKind, String evidence, String enteredBy, Instant castAt) {

    /** Cast by a member of the household itself, not entered by staff. */
    public boolean castByHousehold() {
        return offlineKind == null;
    }
}
