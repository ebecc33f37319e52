package org.yunxie.core.proposal;

/** The answer every proposal must get. */
public enum ProposalResponse { ACCEPTED, MERGED, DECLINED }
