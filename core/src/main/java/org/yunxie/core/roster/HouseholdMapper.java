package org.yunxie.core.roster;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yunxie.core.shared.NewId;

@Mapper
public interface HouseholdMapper {

    void insert(@Param("row") Household row, @Param("id") NewId id);

    Optional<Household> findById(@Param("id") long id);

    Optional<Household> findByLabel(@Param("communityId") long communityId, @Param("unitLabel") String unitLabel);

    List<Household> findByBuildings(@Param("buildingIds") Collection<Long> buildingIds);

    /** (household, owner member) pairs of the given households, for counting owners by head. */
    List<Ownership> findOwners(@Param("householdIds") Collection<Long> householdIds);

    record Ownership(long householdId, long memberId) {
    }
}
