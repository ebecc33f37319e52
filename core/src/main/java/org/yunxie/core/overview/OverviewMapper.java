package org.yunxie.core.overview;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yunxie.core.audit.AuditEntry;
import org.yunxie.core.proposal.Proposal;
import org.yunxie.core.round.Round;

/**
 * Read-only views across core's tables that the staff console lists and exports: every round of a community,
 * a round's households with their responses and ledger lines, the proposal queue, the audit log by filter,
 * the roster with its bindings, and binding codes waiting to be handed out. Nothing here writes.
 */
@Mapper
interface OverviewMapper {

    List<Round> findRounds(@Param("communityId") long communityId, @Param("limit") int limit);

    List<HouseholdInRound> findHouseholdsInRound(@Param("roundId") long roundId);

    List<Proposal> findProposals(@Param("communityId") long communityId, @Param("unansweredOnly") boolean unansweredOnly);

    List<AuditEntry> findAudit(@Param("q") AuditQuery query);

    List<HouseholdOnRoster> findRoster(@Param("communityId") long communityId);

    List<CodeSlip> findUnusedCodes(@Param("communityId") long communityId, @Param("buildingId") Long buildingId,
                                   @Param("now") Instant now);
}
