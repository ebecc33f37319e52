package org.yunxie.core.round;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunxie.core.rule.OptionSpec;

/**
 * The options of opened rounds, kept in memory: a round's options are frozen once it opens, while every
 * ballot reads them (twice). A draft's options are read afresh each time, and an empty answer is never kept.
 */
@Component
public class RoundOptions {

    private static final int ROUNDS_KEPT = 20_000;

    private final RoundMapper mapper;
    private final Map<Long, List<OptionSpec>> kept = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<OptionSpec>> eldest) {
            return size() > ROUNDS_KEPT;
        }
    };

    RoundOptions(RoundMapper mapper) {
        this.mapper = mapper;
    }

    public List<OptionSpec> of(Round round) {
        if (round.openedAt() == null) {
            return mapper.findOptions(round.id());
        }
        long roundId = round.id();
        synchronized (kept) {
            List<OptionSpec> options = kept.get(roundId);
            if (options != null) {
                return options;
            }
        }
        List<OptionSpec> options = List.copyOf(mapper.findOptions(roundId));
        if (!options.isEmpty()) {
            synchronized (kept) {
                kept.put(roundId, options);
            }
        }
        return options;
    }
}
