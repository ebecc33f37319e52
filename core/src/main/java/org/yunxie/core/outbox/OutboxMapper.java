package org.yunxie.core.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface OutboxMapper {

    void insert(@Param("dedupeKey") String dedupeKey, @Param("kind") OutboxKind kind, @Param("roundId") Long roundId,
                @Param("chatGroupId") Long chatGroupId, @Param("memberId") Long memberId,
                @Param("payload") String payload, @Param("createdAt") Instant createdAt);

    List<OutboxMessage> findDue(@Param("now") Instant now, @Param("limit") int limit);

    Optional<OutboxMessage> findByKey(@Param("dedupeKey") String dedupeKey);

    List<OutboxMessage> findByRound(@Param("roundId") long roundId);

    /** Takes a message for one sender; returns 1 only for the sender that got it. */
    int claim(@Param("id") long id, @Param("claimedBy") String claimedBy, @Param("until") Instant until,
              @Param("now") Instant now);

    int markSent(@Param("id") long id, @Param("claimedBy") String claimedBy, @Param("at") Instant at);

    int defer(@Param("id") long id, @Param("nextAttemptAt") Instant nextAttemptAt);

    int markAttemptFailed(@Param("id") long id, @Param("nextAttemptAt") Instant nextAttemptAt,
                          @Param("error") String error, @Param("failedAt") Instant failedAt);
}
