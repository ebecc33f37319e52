package org.yunxie.core.costshare;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface LedgerMapper {

    void insert(@Param("roundId") long roundId, @Param("householdId") long householdId,
                @Param("amountFen") long amountFen, @Param("confirmed") boolean confirmed,
                @Param("pledgedAt") Instant pledgedAt);

    List<LedgerLine> findByRound(@Param("roundId") long roundId);

    Optional<LedgerLine> find(@Param("roundId") long roundId, @Param("householdId") long householdId);

    /** Moves a line on if it is still where the caller saw it; returns 0 when someone else moved it first. */
    int move(@Param("roundId") long roundId, @Param("householdId") long householdId,
             @Param("from") LedgerStatus from, @Param("to") LedgerStatus to, @Param("at") Instant at,
             @Param("by") String by, @Param("note") String note);
}
