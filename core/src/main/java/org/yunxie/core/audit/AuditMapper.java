package org.yunxie.core.audit;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Inserts and reads only: the audit log is never updated or deleted. */
@Mapper
interface AuditMapper {

    void insertAll(@Param("entries") List<AuditEntry> entries);

    List<AuditEntry> findByRound(@Param("roundId") long roundId);

    List<AuditEntry> findByCommunity(@Param("communityId") long communityId, @Param("limit") int limit);
}
