package org.yunxie.core.ballot;

/**
 * A household's current ballot with the receipt code it was given, read together: a ballot changed or sent
 * again is answered with the same receipt. The receipt is null only where a ballot was stored without one.
 */
record HeldBallot(Ballot ballot, String receipt) {
}
