package org.yunxie.core.proposal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;

/** Proposals and their supports. */
@Mapper
interface ProposalMapper {

    void insert(@Param("row") Proposal row, @Param("id") NewId id);

    void insertSupport(@Param("proposalId") long proposalId, @Param("householdId") long householdId,
                       @Param("memberId") Long memberId, @Param("channel") Channel channel,
                       @Param("at") Instant at);

    Optional<Proposal> findById(@Param("id") long id);

    Optional<Proposal> findByNumber(@Param("communityId") long communityId, @Param("number") int number);

    List<Proposal> findByRound(@Param("roundId") long roundId);

    boolean hasSupport(@Param("proposalId") long proposalId, @Param("householdId") long householdId);

    /** Households that proposed or supported anything in the round: who took part in a proposal call. */
    List<Long> findParticipants(@Param("roundId") long roundId);

    int countUnanswered(@Param("communityId") long communityId);

    int markFlagged(@Param("id") long id, @Param("at") Instant at);

    int markPromoted(@Param("id") long id, @Param("roundId") long roundId);

    int respond(@Param("id") long id, @Param("response") ProposalResponse response, @Param("note") String note,
                @Param("mergedIntoId") Long mergedIntoId, @Param("by") String by, @Param("at") Instant at);
}
