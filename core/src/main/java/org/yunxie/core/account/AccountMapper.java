package org.yunxie.core.account;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yunxie.core.shared.NewId;

/** Console accounts, the communities they see, and streets with their communities. */
@Mapper
interface AccountMapper {

    void insert(@Param("row") Account row, @Param("id") NewId id);

    void insertCommunity(@Param("accountId") long accountId, @Param("communityId") long communityId);

    Optional<Account> findById(@Param("id") long id);

    Optional<Account> findByUsername(@Param("username") String username);

    int countAll();

    /** The communities given to an account (street administrators get theirs through the street). */
    List<Long> findCommunityIds(@Param("accountId") long accountId);

    /** Accounts given any of these communities, and the administrators of the street, by name. */
    List<Account> findRelevant(@Param("communityIds") Collection<Long> communityIds, @Param("streetId") Long streetId);

    int updatePassword(@Param("id") long id, @Param("hash") String hash, @Param("mustChange") boolean mustChange,
                       @Param("at") Instant at);

    int markDisabled(@Param("id") long id, @Param("at") Instant at);

    int markLoggedIn(@Param("id") long id, @Param("at") Instant at);

    void insertStreet(@Param("row") Street row, @Param("id") NewId id);

    Optional<Street> findStreet(@Param("id") long id);

    Optional<Street> findStreetByName(@Param("name") String name);

    List<Long> findStreetCommunityIds(@Param("streetId") long streetId);

    void attachToStreet(@Param("communityId") long communityId, @Param("streetId") long streetId);

    /** Communities that belong to no street yet. */
    List<Long> findCommunityIdsWithoutStreet();
}
