package org.yunxie.core.ballot;

/** A household's current choice in a round as counting reads it: plain, or sealed in a secret round. */
record CurrentChoice(long householdId, String choice, String sealedChoice) {
}
