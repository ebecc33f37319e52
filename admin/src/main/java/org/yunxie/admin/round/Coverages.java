package org.yunxie.admin.round;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.proposal.Proposals;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.RoundState;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.rule.Tally;

/**
 * Coverage of a round: who took part is visible even in secret rounds, so this never needs a choice. Polls
 * and cost shares read the live tally (cached in Redis, counted from the database when it is not there);
 * proposal calls count the households that proposed or supported.
 */
@Component
@WithConsole
public class Coverages {

    private final Ballots ballots;
    private final Proposals proposals;
    private final Rounds rounds;

    Coverages(Ballots ballots, Proposals proposals, Rounds rounds) {
        this.ballots = ballots;
        this.proposals = proposals;
        this.rounds = rounds;
    }

    public Coverage of(Round round) {
        if (round.state() == RoundState.DRAFT) {
            return new Coverage(0, 0, 0, 0);
        }
        if (round.kind() == RoundKind.PROPOSAL_CALL) {
            List<RollHousehold> roll = rounds.roll(round.id());
            Set<Long> took = new HashSet<>(proposals.participants(round.id()));
            long area = roll.stream().filter(h -> took.contains(h.householdId()))
                    .mapToLong(h -> h.toEntry().areaCenti()).sum();
            long all = roll.stream().mapToLong(h -> h.toEntry().areaCenti()).sum();
            return new Coverage((int) roll.stream().filter(h -> took.contains(h.householdId())).count(), roll.size(),
                    area, all);
        }
        Tally tally = ballots.tally(round);
        return new Coverage(tally.participating().households(), tally.eligible().households(),
                tally.participating().areaCenti(), tally.eligible().areaCenti());
    }
}
