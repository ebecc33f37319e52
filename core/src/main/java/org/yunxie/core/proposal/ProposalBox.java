package org.yunxie.core.proposal;

import java.time.Instant;

import org.springframework.stereotype.Component;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.RollLookup;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.RoundMapper;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/** The checks shared by submitting and supporting: an open proposal call, and the member's household on it. */
@Component
class ProposalBox {

    private final RoundMapper rounds;
    private final RollLookup rollLookup;

    ProposalBox(RoundMapper rounds, RollLookup rollLookup) {
        this.rounds = rounds;
        this.rollLookup = rollLookup;
    }

    /** The call, under the same shared lock ballots take, so closing waits for proposals under way. */
    Result<Round> callTakingProposals(long roundId, Instant now) {
        Round round = rounds.lockForBallot(roundId).orElse(null);
        if (round == null) {
            return Result.refused(RefusalReason.ROUND_NOT_FOUND, roundId);
        }
        if (round.kind() != RoundKind.PROPOSAL_CALL) {
            return Result.refused(RefusalReason.WRONG_ROUND_KIND, round.number(), round.kind());
        }
        if (!round.isAccepting(now)) {
            return Result.refused(round.whyNotAccepting(), round.number());
        }
        return Result.done(round);
    }

    Result<RollHousehold> householdFor(long memberId, Round round, Long named) {
        return rollLookup.householdFor(memberId, round, named);
    }
}
