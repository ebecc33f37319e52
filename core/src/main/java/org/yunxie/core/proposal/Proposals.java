package org.yunxie.core.proposal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Reads proposals for replies, the console and the community's indicators. */
@Service
public class Proposals {

    private final ProposalMapper mapper;

    Proposals(ProposalMapper mapper) {
        this.mapper = mapper;
    }

    public Optional<Proposal> find(long communityId, int number) {
        return mapper.findByNumber(communityId, number);
    }

    public List<Proposal> ofRound(long roundId) {
        return mapper.findByRound(roundId);
    }

    /** Households that proposed or supported something in the call. */
    public List<Long> participants(long roundId) {
        return mapper.findParticipants(roundId);
    }

    public int unanswered(long communityId) {
        return mapper.countUnanswered(communityId);
    }
}
