package org.yunxie.core.round;

/** Read from a round's timestamps; "closing" is an open round whose deadline has passed. */
public enum RoundState { DRAFT, OPEN, CLOSED, CANCELLED }
