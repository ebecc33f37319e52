package org.yunxie.core.rule;

/**
 * An eligible household as frozen in a round's roll. Households that share an owner share a head key,
 * so the owner of several units counts once by head.
 */
public record RollEntry(long householdId, String headKey, long areaCenti) {
}
