package org.yunxie.core.round;

import java.util.List;
import java.util.function.Function;

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
        return only(rounds.findBoundOnRoll(round.id(), memberId, named), RollHousehold::unitLabel, memberId, round,
                named);
    }

    /**
     * The one of {@code found}, the member's households on the round's roll (or rows about them), or why there is
     * none or several: several are asked back, never guessed; none tells not bound from bound but not on the roll.
     */
    public <T> Result<T> only(List<T> found, Function<T, String> unitLabel, long memberId, Round round, Long named) {
        if (found.size() == 1) {
            return Result.done(found.get(0));
        }
        if (found.size() > 1) {
            return Result.refused(RefusalReason.HOUSEHOLD_AMBIGUOUS, round.number(),
                    found.stream().map(unitLabel).toList());
        }
        List<Long> bound = roster.bindings(memberId).stream()
                .filter(binding -> binding.communityId() == round.communityId())
                .map(Binding::householdId).toList();
        if (bound.isEmpty() || (named != null && !bound.contains(named))) {
            return Result.refused(RefusalReason.NOT_BOUND, round.number());
        }
        return Result.refused(RefusalReason.NOT_IN_ROUND, round.number());
    }
}
