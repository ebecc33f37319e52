package org.yunxie.core.outcome;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yunxie.core.shared.NewId;

@Mapper
interface OutcomeMapper {

    void insert(@Param("row") Outcome row, @Param("id") NewId id);

    /** All of an outcome's option figures in one statement; at least one. */
    void insertOptions(@Param("outcomeId") long outcomeId, @Param("options") List<Outcome.OptionFigures> options);

    Optional<Outcome> findByRound(@Param("roundId") long roundId);

    List<Outcome.OptionFigures> findOptions(@Param("outcomeId") long outcomeId);
}
