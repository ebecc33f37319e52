package org.yunxie.core.shared;

/** Where an action came from; recorded on ballots, proposals and audit entries. */
public enum Channel {
    WECOM_APP,
    WECOM_ROBOT,
    OFFICIAL_ACCOUNT,
    H5,
    CONSOLE,
    OFFLINE,
    SYSTEM
}
