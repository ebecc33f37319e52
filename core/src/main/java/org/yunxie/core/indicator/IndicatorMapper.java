package org.yunxie.core.indicator;

import java.time.Instant;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Counts over core's tables for a community's indicators; every window is [from, until). */
@Mapper
interface IndicatorMapper {

    int countEligibleHouseholds(@Param("communityId") long communityId);

    /** Distinct households that cast a ballot or pledge, proposed or supported, in the window. */
    int countParticipatingHouseholds(@Param("communityId") long communityId, @Param("from") Instant from,
                                     @Param("until") Instant until);

    int countProposals(@Param("communityId") long communityId, @Param("from") Instant from,
                       @Param("until") Instant until);

    int countProposalsAnswered(@Param("communityId") long communityId, @Param("from") Instant from,
                               @Param("until") Instant until);

    int countUnansweredProposals(@Param("communityId") long communityId);

    int countRoundsOpened(@Param("communityId") long communityId, @Param("from") Instant from,
                          @Param("until") Instant until);

    int countGroupsWithRounds(@Param("communityId") long communityId, @Param("from") Instant from,
                              @Param("until") Instant until);

    int countGroups(@Param("communityId") long communityId);
}
