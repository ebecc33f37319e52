package org.yunxie.core.importing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yunxie.core.shared.NewId;

/**
 * Roster imports and what applying one writes beside core's roster use cases: corrections of a household's
 * area or status (the roster has no use case for it; frozen rolls of open rounds are not affected), and the
 * name a binding code was issued for.
 */
@Mapper
interface ImportMapper {

    void insert(@Param("row") RosterImport row, @Param("id") NewId id);

    Optional<RosterImport> findById(@Param("id") long id);

    List<RosterImport> findByCommunity(@Param("communityId") long communityId, @Param("limit") int limit);

    /** Claims the import for applying; 0 when it was already started. */
    int markStarted(@Param("id") long id, @Param("at") Instant at);

    void recordProgress(@Param("id") long id, @Param("done") int done, @Param("created") int created,
                        @Param("updated") int updated, @Param("unchanged") int unchanged, @Param("codes") int codes);

    void markFinished(@Param("id") long id, @Param("at") Instant at, @Param("failure") String failure);

    int correctHousehold(@Param("householdId") long householdId, @Param("area") BigDecimal area,
                         @Param("ineligibleReason") String ineligibleReason);

    void insertHolder(@Param("codeId") long codeId, @Param("householdId") long householdId, @Param("name") String name);

    /** Whether the household has an unused, unexpired code issued for this name and role already. */
    boolean hasWaitingCode(@Param("householdId") long householdId, @Param("name") String name,
                           @Param("role") String role, @Param("now") Instant now);
}
