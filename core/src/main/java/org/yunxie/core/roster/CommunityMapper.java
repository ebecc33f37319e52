package org.yunxie.core.roster;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yunxie.core.shared.NewId;

/** Communities, their buildings and their number sequences. */
@Mapper
public interface CommunityMapper {

    void insert(@Param("row") Community row, @Param("id") NewId id);

    void insertBuilding(@Param("row") Building row, @Param("id") NewId id);

    Optional<Community> findById(@Param("id") long id);

    List<Community> findAll();

    List<Building> findBuildings(@Param("communityId") long communityId);

    /** Takes the next number in the community's sequence; the row lock serialises concurrent takers. */
    int bumpRoundNumber(@Param("id") long communityId);

    int bumpProposalNumber(@Param("id") long communityId);

    int lastRoundNumber(@Param("id") long communityId);

    int lastProposalNumber(@Param("id") long communityId);
}
