package org.yunxie.core.overview;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.yunxie.core.audit.AuditEntry;
import org.yunxie.core.proposal.Proposal;
import org.yunxie.core.round.Round;

/** What the staff console lists; see {@link OverviewMapper}. */
@Service
public class Overview {

    private final OverviewMapper mapper;
    private final Clock clock;

    Overview(OverviewMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    /** The community's rounds, drafts included, newest first. */
    public List<Round> rounds(long communityId, int limit) {
        return mapper.findRounds(communityId, limit);
    }

    public List<HouseholdInRound> householdsInRound(long roundId) {
        return mapper.findHouseholdsInRound(roundId);
    }

    public List<Proposal> proposals(long communityId, boolean unansweredOnly) {
        return mapper.findProposals(communityId, unansweredOnly);
    }

    public List<AuditEntry> audit(AuditQuery query) {
        return mapper.findAudit(query);
    }

    public List<HouseholdOnRoster> roster(long communityId) {
        return mapper.findRoster(communityId);
    }

    /** Codes not used and not expired, of one building or (null) of the whole community, by unit label. */
    public List<CodeSlip> unusedCodes(long communityId, Long buildingId) {
        return mapper.findUnusedCodes(communityId, buildingId, clock.instant());
    }
}
