package org.yunxie.core.ballot;

import java.util.Optional;

import org.yunxie.core.round.RollHousehold;

/** A household's place on a round's roll with its current ballot and receipt, if it has voted. */
record PlaceOnRoll(RollHousehold household, HeldBallot held) {

    Optional<HeldBallot> current() {
        return Optional.ofNullable(held);
    }
}
