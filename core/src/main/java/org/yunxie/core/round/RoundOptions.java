package org.yunxie.core.round;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yunxie.core.rule.OptionSpec;

/**
 * The options of opened rounds, kept in memory: a round's options are frozen once it opens, while every
 * ballot reads them (twice). A draft's options are read afresh each time, and an empty answer is never kept.
 */
@Component
public class RoundOptions {

    private final RoundMapper mapper;
    /** Only a non-empty answer is kept. */
    private final OpenedRoundMemory<Long, List<OptionSpec>> kept =
            new OpenedRoundMemory<>(options -> !options.isEmpty());

    RoundOptions(RoundMapper mapper) {
        this.mapper = mapper;
    }

    public List<OptionSpec> of(Round round) {
        if (round.openedAt() == null) {
            return mapper.findOptions(round.id());
        }
        return kept.get(round.id(), roundId -> List.copyOf(mapper.findOptions(roundId)));
    }
}
