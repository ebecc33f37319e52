package org.yunxie.core.outcome;

import java.util.Optional;

import org.springframework.stereotype.Service;

/** Reads outcomes for replies, the console and the publishers. */
@Service
public class Outcomes {

    private final OutcomeMapper mapper;

    Outcomes(OutcomeMapper mapper) {
        this.mapper = mapper;
    }

    public Optional<Outcome> ofRound(long roundId) {
        return mapper.findByRound(roundId);
    }
}
