package org.yunxie.core.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Result;
import org.yunxie.core.shared.Transactions;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;

/**
 * Votes answered together read their speakers, rounds and places on the roll ahead, in one transaction with
 * them: each is recorded exactly as it would be alone, and closing still waits for them.
 */
@SpringBootTest
class ReadingAheadForBallotsTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ReadingAheadForBallots readingAhead;
    @Autowired
    CastingBallot casting;
    @Autowired
    ClosingRound closing;
    @Autowired
    Transactions transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void votesOfSeveralHouseholdsReadAheadAreEachRecordedWithItsOwnReceipt() {
        Neighbourhood place = fixtures.building("88.50", "92.00", "75.00");
        List<ChatIdentity> voters = List.of(Fixtures.newIdentity(), Fixtures.newIdentity(), Fixtures.newIdentity());
        List<Long> members = List.of(fixtures.bind(voters.get(0), place.household(0), MemberRole.OWNER),
                fixtures.bind(voters.get(1), place.household(1), MemberRole.OWNER),
                fixtures.bind(voters.get(2), place.household(2), MemberRole.TENANT));
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        List<Result<BallotRecorded>> recorded = transactions.retrying(() -> {
            readingAhead.readFor(voters.stream().map(v -> new ReadingAheadForBallots.Voter(v, place.group().id()))
                    .toList());
            return List.of(cast(poll, members.get(0), "A"), cast(poll, members.get(1), "B"),
                    cast(poll, members.get(2), "A"));
        });

        assertThat(recorded).allMatch(Result::isDone);
        assertThat(recorded).extracting(r -> r.orElseThrow().householdId())
                .containsExactly(place.household(0).id(), place.household(1).id(), place.household(2).id());
        assertThat(recorded).extracting(r -> r.orElseThrow().receipt()).doesNotHaveDuplicates();
        assertThat(recorded).noneMatch(r -> r.orElseThrow().changed());
        assertThat(jdbc.queryForList("SELECT choice FROM ballot WHERE round_id = ? ORDER BY household_id",
                String.class, poll.id())).containsExactly("A", "B", "A");
        assertThat(count("SELECT COUNT(*) FROM ballot_history WHERE round_id = ?", poll)).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM receipt WHERE round_id = ?", poll)).isEqualTo(3);
    }

    @Test
    void twoMembersOfOneHouseholdTogetherLeaveOneCurrentBallotTheLaterOneAndOneReceipt() {
        Neighbourhood place = fixtures.building("88.50");
        ChatIdentity owner = Fixtures.newIdentity();
        ChatIdentity tenant = Fixtures.newIdentity();
        long ownerId = fixtures.bind(owner, place.household(0), MemberRole.OWNER);
        long tenantId = fixtures.bind(tenant, place.household(0), MemberRole.TENANT);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        List<Result<BallotRecorded>> recorded = transactions.retrying(() -> {
            readingAhead.readFor(List.of(new ReadingAheadForBallots.Voter(owner, place.group().id()),
                    new ReadingAheadForBallots.Voter(tenant, place.group().id())));
            return List.of(cast(poll, ownerId, "A"), cast(poll, tenantId, "B"));
        });

        assertThat(recorded.get(0).orElseThrow().changed()).isFalse();
        assertThat(recorded.get(1).orElseThrow().changed()).isTrue();
        assertThat(recorded.get(1).orElseThrow().receipt()).isEqualTo(recorded.get(0).orElseThrow().receipt());
        assertThat(jdbc.queryForList("SELECT choice FROM ballot WHERE round_id = ?", String.class, poll.id()))
                .containsExactly("B");
        assertThat(count("SELECT COUNT(*) FROM ballot_history WHERE round_id = ?", poll)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM receipt WHERE round_id = ?", poll)).isEqualTo(1);
    }

    @Test
    void aMemberWhoVotesTwiceTogetherEndsWithTheLaterChoiceRecordedAsAChange() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        ChatIdentity voter = Fixtures.newIdentity();
        ChatIdentity neighbour = Fixtures.newIdentity();
        long member = fixtures.bind(voter, place.household(0), MemberRole.OWNER);
        fixtures.bind(neighbour, place.household(1), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        List<Result<BallotRecorded>> recorded = transactions.retrying(() -> {
            readingAhead.readFor(List.of(new ReadingAheadForBallots.Voter(voter, place.group().id()),
                    new ReadingAheadForBallots.Voter(neighbour, place.group().id()),
                    new ReadingAheadForBallots.Voter(voter, place.group().id())));
            return List.of(cast(poll, member, "A"), cast(poll, member, "B"));
        });

        assertThat(recorded.get(1).orElseThrow().changed()).isTrue();
        assertThat(jdbc.queryForList("SELECT choice FROM ballot WHERE round_id = ?", String.class, poll.id()))
                .containsExactly("B");
        assertThat(count("SELECT COUNT(*) FROM ballot_history WHERE round_id = ?", poll)).isEqualTo(2);
    }

    @Test
    void closingWaitsForVotesReadAheadAndCountsThem() throws Exception {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        ChatIdentity voter = Fixtures.newIdentity();
        ChatIdentity neighbour = Fixtures.newIdentity();
        long member = fixtures.bind(voter, place.household(0), MemberRole.OWNER);
        fixtures.bind(neighbour, place.household(1), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        CountDownLatch readAhead = new CountDownLatch(1);

        CompletableFuture<Result<BallotRecorded>> vote = CompletableFuture.supplyAsync(
                () -> transactions.retrying(() -> {
                    readingAhead.readFor(List.of(new ReadingAheadForBallots.Voter(voter, place.group().id()),
                            new ReadingAheadForBallots.Voter(neighbour, place.group().id())));
                    readAhead.countDown();
                    sleep(300);
                    return cast(poll, member, "A");
                }));
        assertThat(readAhead.await(10, TimeUnit.SECONDS)).isTrue();
        closing.close(poll.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();

        assertThat(vote.get(10, TimeUnit.SECONDS).isDone()).isTrue();
        assertThat(jdbc.queryForObject("SELECT participating_households FROM outcome WHERE round_id = ?",
                Integer.class, poll.id())).isEqualTo(1);
    }

    private Result<BallotRecorded> cast(Round poll, long member, String key) {
        return casting.cast(new BallotRequest(poll.id(), member, null, List.of(key), Channel.WECOM_ROBOT));
    }

    private int count(String sql, Round round) {
        return jdbc.queryForObject(sql, Integer.class, round.id());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
