package org.yunxie.core.ballot;

/** How staff received a ballot they enter on a household's behalf. */
public enum OfflineKind { PAPER, PHONE, PROXY }
