package org.yunxie.bot.command;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.shared.SentTime;

/**
 * Which round a message is about: the one it numbers ("#12"), or else the only open round of the wanted
 * kinds in the group (or, in a 1:1 chat, in the speaker's community). Several candidates are asked back.
 * Open means open when the message was sent: one answered later than it came (taken in during a burst) still
 * finds the round whose deadline passed meanwhile, and not one opened after it was sent.
 */
@Component
class RoundFinder {

    private final Rounds rounds;
    private final Clock clock;

    RoundFinder(Rounds rounds, Clock clock) {
        this.rounds = rounds;
        this.clock = clock;
    }

    Result<Round> find(Speaker speaker, Integer number, Set<RoundKind> kinds) {
        return find(speaker, number, kinds, false, null);
    }

    /** As {@link #find}, for a message sent at {@code sentAt} (null: now). */
    Result<Round> find(Speaker speaker, Integer number, Set<RoundKind> kinds, Instant sentAt) {
        return find(speaker, number, kinds, false, sentAt);
    }

    /**
     * As {@link #find}, for a ballot: a numbered round may be an earlier copy whose state is stale, which is
     * all right only because casting reads the round afresh before it records anything.
     */
    Result<Round> findForBallot(Speaker speaker, Integer number, Set<RoundKind> kinds, Instant sentAt) {
        return find(speaker, number, kinds, true, sentAt);
    }

    private Result<Round> find(Speaker speaker, Integer number, Set<RoundKind> kinds, boolean forBallot,
                               Instant sentAt) {
        if (speaker.communityId() == null) {
            return Result.refused(RefusalReason.NOT_BOUND);
        }
        if (number != null) {
            Round round = (forBallot ? rounds.findByNumberForBallot(speaker.communityId(), number)
                    : rounds.findByNumber(speaker.communityId(), number)).orElse(null);
            if (round == null) {
                return Result.refused(RefusalReason.ROUND_NOT_FOUND, number);
            }
            return kinds.contains(round.kind()) ? Result.done(round)
                    : Result.refused(RefusalReason.WRONG_ROUND_KIND, number, round.kind());
        }
        Instant at = SentTime.orNow(sentAt, clock.instant());
        List<Round> open = open(speaker).stream()
                .filter(round -> kinds.contains(round.kind()) && round.isAccepting(at)
                        && (round.openedAt() == null || !round.openedAt().isAfter(at)))
                .toList();
        if (open.isEmpty()) {
            return Result.refused(RefusalReason.NO_OPEN_ROUND);
        }
        if (open.size() > 1) {
            return Result.refused(RefusalReason.ROUND_AMBIGUOUS, open.stream().map(Round::number).toList());
        }
        return Result.done(open.get(0));
    }

    List<Round> open(Speaker speaker) {
        if (speaker.group() != null) {
            return rounds.openInGroup(speaker.group().id());
        }
        return speaker.communityId() == null ? List.of() : rounds.openInCommunity(speaker.communityId());
    }
}
