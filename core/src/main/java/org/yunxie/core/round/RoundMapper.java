package org.yunxie.core.round;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yunxie.core.rule.DecisionRule;
import org.yunxie.core.rule.OptionSpec;
import org.yunxie.core.shared.NewId;

/** Rounds with their options, buildings, frozen roll and reminders. */
@Mapper
public interface RoundMapper {

    void insert(@Param("row") Round row, @Param("id") NewId id);

    void insertOption(@Param("roundId") long roundId, @Param("option") OptionSpec option);

    void insertBuilding(@Param("roundId") long roundId, @Param("buildingId") long buildingId);

    void insertRoll(@Param("roundId") long roundId, @Param("entries") List<RollHousehold> entries);

    void insertReminder(@Param("roundId") long roundId, @Param("offsetMinutes") int offsetMinutes,
                        @Param("dueAt") Instant dueAt);

    Optional<Round> findById(@Param("id") long id);

    Optional<Round> findByNumber(@Param("communityId") long communityId, @Param("number") int number);

    /** Reads the round under an exclusive lock, for state changes. */
    Optional<Round> lockForChange(@Param("id") long id);

    /**
     * Reads the round under a shared lock, held by every ballot until it commits: closing takes the
     * exclusive lock, so it waits for ballots under way and every later ballot sees the round closed.
     */
    Optional<Round> lockForBallot(@Param("id") long id);

    List<Round> findOpenInGroup(@Param("chatGroupId") long chatGroupId);

    /** The rounds open in the groups, each under the lock of {@link #lockForBallot}, by group and number. */
    List<Round> lockOpenInGroups(@Param("chatGroupIds") List<Long> chatGroupIds);

    List<Round> findOpenInCommunity(@Param("communityId") long communityId);

    /** Rounds of the community that opened and whose deadline is after {@code since}, newest first. */
    List<Round> findOpenedSince(@Param("communityId") long communityId, @Param("since") Instant since);

    List<OptionSpec> findOptions(@Param("roundId") long roundId);

    List<Long> findBuildingIds(@Param("roundId") long roundId);

    List<RollHousehold> findRoll(@Param("roundId") long roundId);

    /**
     * The places on the roll of the households the member is bound to (only {@code named}'s, when given).
     */
    List<RollHousehold> findBoundOnRoll(@Param("roundId") long roundId, @Param("memberId") long memberId,
                                        @Param("named") Long named);

    Optional<RollHousehold> lockRollHousehold(@Param("roundId") long roundId,
                                              @Param("householdId") long householdId);

    List<Long> findDueRoundIds(@Param("now") Instant now, @Param("limit") int limit);

    /** The deadlines of open rounds due by {@code now}, earliest first. */
    List<Instant> findDueDeadlines(@Param("now") Instant now, @Param("limit") int limit);

    List<DueReminder> findDueReminders(@Param("now") Instant now, @Param("limit") int limit);

    int markOpened(@Param("id") long id, @Param("at") Instant at);

    int markClosed(@Param("id") long id, @Param("at") Instant at);

    int markCancelled(@Param("id") long id, @Param("at") Instant at, @Param("reason") String reason);

    int markOutcomePublished(@Param("id") long id, @Param("at") Instant at);

    int moveDeadline(@Param("id") long id, @Param("closingAt") Instant closingAt);

    /** Sets a reminder's time and makes it due again; 0 when the round has no reminder at that offset yet. */
    int rescheduleReminder(@Param("roundId") long roundId, @Param("offsetMinutes") int offsetMinutes,
                           @Param("dueAt") Instant dueAt);

    int markReminderSent(@Param("roundId") long roundId, @Param("offsetMinutes") int offsetMinutes,
                         @Param("at") Instant at);

    int updateRule(@Param("id") long id, @Param("rule") DecisionRule rule);
}
