package org.yunxie.core.ballot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.yunxie.core.round.Round;
import org.yunxie.core.rule.RollEntry;
import org.yunxie.core.rule.Stance;
import org.yunxie.core.rule.Tally;

/** Counts a round's current ballots against its roll, straight from the database. */
@Component
public class CountingBallots {

    private final BallotMapper ballots;
    private final BallotSeal seal;
    private final OpenedRolls rolls;

    CountingBallots(BallotMapper ballots, BallotSeal seal, OpenedRolls rolls) {
        this.ballots = ballots;
        this.seal = seal;
        this.rolls = rolls;
    }

    /** The roll (kept once the round is open) and the current ballots, counted in memory. */
    public Tally count(Round round) {
        List<RollEntry> roll = rolls.of(round);
        List<CurrentChoice> choices = ballots.findCurrentChoices(round.id());
        List<Stance> stances = new ArrayList<>(choices.size());
        for (CurrentChoice row : choices) {
            String keys = row.sealedChoice() != null ? seal.open(round.id(), row.householdId(), row.sealedChoice())
                    : row.choice();
            if (keys != null) {
                stances.add(new Stance(row.householdId(), positions(keys)));
            }
        }
        return Tally.of(roll, stances);
    }

    /** The option keys of a ballot, opening the seal of a secret round's ballot. */
    String keysOf(Round round, Ballot ballot) {
        return ballot.sealedChoice() != null
                ? seal.open(round.id(), ballot.householdId(), ballot.sealedChoice())
                : ballot.choice();
    }

    static Set<Integer> positions(String keys) {
        if (keys.length() == 1 && Character.isLetter(keys.charAt(0))) {
            // The common single choice, without splitting: this runs for every ballot of every count.
            return Set.of(keys.charAt(0) - 'A' + 1);
        }
        return Arrays.stream(keys.split(",")).map(String::strip).filter(key -> !key.isEmpty())
                .map(key -> key.charAt(0) - 'A' + 1).collect(Collectors.toSet());
    }
}
