package org.yunxie.core.inbox;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;

@Mapper
interface InboxMapper {

    void insert(@Param("row") InboundMessage row, @Param("claimedUntil") Instant claimedUntil, @Param("id") NewId id);

    /** A message stored together with its answer, in the transaction that produced the answer. */
    void insertAnswered(@Param("row") InboundMessage row, @Param("id") NewId id);

    /** Messages stored together with their answers, with one statement. */
    void insertAllAnswered(@Param("rows") List<InboundMessage> rows);

    Optional<InboundMessage> findById(@Param("id") long id);

    Optional<InboundMessage> findByKey(@Param("channel") Channel channel, @Param("dedupeKey") String dedupeKey);

    /** Unprocessed messages whose claim ran out: the instance that took them stopped before finishing. */
    List<InboundMessage> findUnprocessed(@Param("now") Instant now, @Param("channels") java.util.Set<Channel> channels,
                                         @Param("limit") int limit);

    /** When the oldest message received after {@code since} and not yet processed came in. */
    Optional<Instant> findOldestUnprocessedSince(@Param("since") Instant since);

    int claim(@Param("id") long id, @Param("now") Instant now, @Param("until") Instant until);

    int markProcessed(@Param("id") long id, @Param("reply") String reply, @Param("at") Instant at);
}
