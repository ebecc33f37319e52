package org.yunxie.core.rule;

/**
 * How people are counted besides floor area. HOUSEHOLDS: one per household.
 * OWNERS: by head, as the Civil Code counts owners: households sharing an owner count once.
 */
public enum HeadCounting { HOUSEHOLDS, OWNERS }
