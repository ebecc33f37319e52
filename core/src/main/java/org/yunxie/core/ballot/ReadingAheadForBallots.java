package org.yunxie.core.ballot;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.yunxie.core.roster.BoundMember;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.shared.ReadAhead;

/**
 * Votes answered together in one transaction, before they run one by one: reads what each of them will read,
 * with one statement a table for all of them (who the speakers are; the rounds open in their groups, locked as
 * each ballot locks its round; the speakers' places on those rolls with their ballots, locked as each ballot
 * locks them), and keeps it for them ({@link ReadAhead}). Three statements for a group of votes instead of four
 * a vote. Only for work that casts ballots and changes nothing else, so that what is kept stays true; call it
 * inside the transaction that then casts them.
 */
@Service
public class ReadingAheadForBallots {

    /** Who is about to vote, and in which chat group (null: a one-to-one chat). */
    public record Voter(ChatIdentity identity, Long chatGroupId) {
    }

    private final Roster roster;
    private final Rounds rounds;
    private final BallotBox box;

    ReadingAheadForBallots(Roster roster, Rounds rounds, BallotBox box) {
        this.roster = roster;
        this.rounds = rounds;
        this.box = box;
    }

    public void readFor(List<Voter> voters) {
        Map<ChatIdentity, BoundMember> speakers = roster.readAhead(voters.stream().map(Voter::identity).toList());
        List<Long> groups = voters.stream().map(Voter::chatGroupId).filter(Objects::nonNull).distinct().sorted()
                .toList();
        if (groups.isEmpty()) {
            return;
        }
        Map<Long, List<Round>> open = rounds.lockOpenInGroups(groups);
        Set<BallotBox.MemberInRound> places = new LinkedHashSet<>();
        for (Voter voter : voters) {
            BoundMember speaker = speakers.get(voter.identity());
            if (speaker == null || voter.chatGroupId() == null) {
                continue;
            }
            open.get(voter.chatGroupId()).stream().filter(round -> round.kind() != RoundKind.PROPOSAL_CALL)
                    .forEach(round -> places.add(new BallotBox.MemberInRound(round.id(), speaker.member().id())));
        }
        box.lockPlacesAhead(places);
    }
}
