package org.yunxie.core.roster;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yunxie.core.shared.NewId;

@Mapper
interface BindingCodeMapper {

    void insert(@Param("row") BindingCode row, @Param("id") NewId id);

    Optional<BindingCode> findByCode(@Param("code") String code);

    /** Codes of the community not used and not expired, with the unit they bind to, by unit label. */
    List<UnusedCode> findUnused(@Param("communityId") long communityId, @Param("now") Instant now,
                                @Param("limit") int limit);

    /** Marks the code used if nobody did first; returns 1 for the one caller that wins. */
    int markUsed(@Param("id") long id, @Param("memberId") long memberId, @Param("usedAt") Instant usedAt);
}
