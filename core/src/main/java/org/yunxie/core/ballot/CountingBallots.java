package org.yunxie.core.ballot;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundMapper;
import org.yunxie.core.rule.Stance;
import org.yunxie.core.rule.Tally;

/** Counts a round's current ballots against its roll, straight from the database. */
@Component
public class CountingBallots {

    private final RoundMapper rounds;
    private final BallotMapper ballots;
    private final BallotSeal seal;

    CountingBallots(RoundMapper rounds, BallotMapper ballots, BallotSeal seal) {
        this.rounds = rounds;
        this.ballots = ballots;
        this.seal = seal;
    }

    public Tally count(Round round) {
        List<Stance> stances = ballots.findCurrentOfRound(round.id()).stream()
                .map(ballot -> new Stance(ballot.householdId(), positions(keysOf(round, ballot))))
                .toList();
        return Tally.of(rounds.findRoll(round.id()).stream().map(RollHousehold::toEntry).toList(), stances);
    }

    /** The option keys of a ballot, opening the seal of a secret round's ballot. */
    String keysOf(Round round, Ballot ballot) {
        return ballot.sealedChoice() != null
                ? seal.open(round.id(), ballot.householdId(), ballot.sealedChoice())
                : ballot.choice();
    }

    static Set<Integer> positions(String keys) {
        return Arrays.stream(keys.split(",")).map(String::strip).filter(key -> !key.isEmpty())
                .map(key -> key.charAt(0) - 'A' + 1).collect(Collectors.toSet());
    }
}
