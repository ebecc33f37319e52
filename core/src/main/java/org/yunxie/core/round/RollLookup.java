package org.yunxie.core.round;

import java.util.List;

import org.springframework.stereotype.Component;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/**
 * Finds the household a member acts for in a round: the one they named, or else their only bound household
 * on the round's roll. Several candidates are asked back, never guessed. The bindings are read on their own
 * only to say why none was found.
 */
@Component
public class RollLookup {

    private final Roster roster;
    private final RoundMapper rounds;

    RollLookup(Roster roster, RoundMapper rounds) {
        this.roster = roster;
        this.rounds = rounds;
    }

    public Result<RollHousehold> householdFor(long memberId, Round round, Long named) {
        return find(memberId, round, named, false);
    }

    /**
     * As {@link #householdFor}, with the household's place on the roll locked until the transaction ends, so that
     * ballots of one household are recorded one after the other (found and locked in one statement).
     */
    public Result<RollHousehold> lockedHouseholdFor(long memberId, Round round, Long named) {
        return find(memberId, round, named, true);
    }

    private Result<RollHousehold> find(long memberId, Round round, Long named, boolean lock) {
        List<RollHousehold> onRoll = rounds.findBoundOnRoll(round.id(), memberId, named, lock);
        if (onRoll.size() == 1) {
            return Result.done(onRoll.get(0));
        }
        if (onRoll.size() > 1) {
            return Result.refused(RefusalReason.HOUSEHOLD_AMBIGUOUS, round.number(),
                    onRoll.stream().map(RollHousehold::unitLabel).toList());
        }
        // Found nothing: tell not bound (here, or to the named household) from bound but not on the roll.
        List<Long> bound = roster.bindings(memberId).stream()
                .filter(binding -> binding.communityId() == round.communityId())
                .map(Binding::householdId).toList();
        if (bound.isEmpty() || (named != null && !bound.contains(named))) {
            return Result.refused(RefusalReason.NOT_BOUND, round.number());
        }
        return Result.refused(RefusalReason.NOT_IN_ROUND, round.number());
    }
}
