package org.yunxie.core.ballot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.shared.Channel;

/**
 * A household's place on a round's roll, as one of its members ({@code voterId}) sees it, with its current ballot
 * and receipt, if it has voted: one flat row, as MyBatis maps a flat row far more cheaply than one nested into
 * several objects (its nested-result-map path).
 */
record PlaceOnRoll(long voterId, long roundId, long householdId, String unitLabel, BigDecimal floorArea, String headKey,
                   Long shareFen, Long ballotId, String choice, String sealedChoice, Long memberId, Channel channel,
                   OfflineKind offlineKind, String evidence, String enteredBy, Instant castAt, String receipt) {

    RollHousehold household() {
        return new RollHousehold(householdId, unitLabel, floorArea, headKey, shareFen);
    }

    Optional<HeldBallot> current() {
        return ballotId == null ? Optional.empty() : Optional.of(new HeldBallot(new Ballot(ballotId, roundId,
                householdId, choice, sealedChoice, memberId, channel, offlineKind, evidence, enteredBy, castAt),
                receipt));
    }
}
