package org.yunxie.core.ballot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Ballots (current and history) and receipts. */
@Mapper
interface BallotMapper {

    Optional<Ballot> findCurrent(@Param("roundId") long roundId, @Param("householdId") long householdId);

    Optional<HeldBallot> findHeld(@Param("roundId") long roundId, @Param("householdId") long householdId);

    /** The member's households on the roll (only {@code named}, when given) with their ballots, locked. */
    List<PlaceOnRoll> lockPlacesOnRoll(@Param("roundId") long roundId, @Param("memberId") long memberId,
                                       @Param("named") Long named);

    /** As {@link #lockPlacesOnRoll} for each member in each round wanted, all at once. */
    List<PlaceOnRoll> lockPlacesOfMembers(@Param("wanted") List<BallotBox.MemberInRound> wanted);

    List<Ballot> findCurrentOfRound(@Param("roundId") long roundId);

    List<RollRow> findRollRows(@Param("roundId") long roundId);

    List<CurrentChoice> findCurrentChoices(@Param("roundId") long roundId);

    List<Ballot> findHistory(@Param("roundId") long roundId, @Param("householdId") long householdId);

    void storeCurrent(@Param("rows") List<Ballot> ballots);

    void insertHistory(@Param("rows") List<Ballot> ballots);

    Optional<String> findReceipt(@Param("roundId") long roundId, @Param("householdId") long householdId);

    Optional<Long> findHouseholdByReceipt(@Param("roundId") long roundId, @Param("code") String code);

    void insertReceipt(@Param("roundId") long roundId, @Param("householdId") long householdId,
                       @Param("code") String code, @Param("issuedAt") Instant issuedAt);
}
