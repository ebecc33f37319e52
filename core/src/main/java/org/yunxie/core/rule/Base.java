package org.yunxie.core.rule;

/** What approval is measured against: every eligible household of the round, or those that took part. */
public enum Base { ELIGIBLE, PARTICIPANTS }
