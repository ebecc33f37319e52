package org.yunxie.core.roster;

/** The chat identities a member can have. */
public enum IdentityKind {
    /** A WeCom userid (internal member). */
    WECOM_USER,
    /** A WeCom external userid (a personal-WeChat contact of staff). */
    WECOM_EXTERNAL,
    /** An official-account openid (H5 pages and the official account). */
    MP_OPENID
}
