package org.yunxie.core.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Transactions;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;

/**
 * The ballots of one transaction are written together, before it next reads and before it commits: every read
 * of the transaction through core sees them (the JDBC reads here, which go around core, show when they are
 * written). A ballot cast alone reads its round and place first, which writes the ballots before it.
 */
@SpringBootTest
class StoringBallotsTogetherTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CastingBallot casting;
    @Autowired
    ReadingAheadForBallots readingAhead;
    @Autowired
    CountingBallots counting;
    @Autowired
    Transactions transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void ballotsCastTogetherAreWrittenBeforeTheTransactionReadsThemAndCountedOnce() {
        Neighbourhood place = fixtures.building("88.50", "92.00", "75.00");
        List<ChatIdentity> voters = List.of(Fixtures.newIdentity(), Fixtures.newIdentity(), Fixtures.newIdentity());
        List<Long> members = List.of(fixtures.bind(voters.get(0), place.household(0), MemberRole.OWNER),
                fixtures.bind(voters.get(1), place.household(1), MemberRole.OWNER),
                fixtures.bind(voters.get(2), place.household(2), MemberRole.OWNER));
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        transactions.retrying(() -> {
            // As votes answered together: what they read is read before they run, so none reads in between.
            readingAhead.readFor(voters.stream()
                    .map(voter -> new ReadingAheadForBallots.Voter(voter, place.group().id())).toList());
            // Named as the channel names them, having just read the speaker.
            members.forEach(member -> casting.cast(new BallotRequest(poll.id(), member, null, List.of("A"),
                    Channel.WECOM_ROBOT, "住户" + member, null)).orElseThrow());
            assertThat(ballots(poll)).as("kept back").isZero();
            assertThat(counting.count(poll).option(1).households()).as("read through core").isEqualTo(3);
            assertThat(ballots(poll)).as("written before that read").isEqualTo(3);
            return null;
        });

        assertThat(ballots(poll)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ballot_history WHERE round_id = ?", Integer.class,
                poll.id())).isEqualTo(3);
        assertThat(counting.count(poll).option(1).households()).isEqualTo(3);
    }

    private int ballots(Round poll) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM ballot WHERE round_id = ?", Integer.class, poll.id());
    }
}
