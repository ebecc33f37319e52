package org.yunxie.core.ballot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Result;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;

/** Races on a real database connection pool: several threads act on one household or round at the same moment. */
@SpringBootTest
class ConcurrentBallotTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CastingBallot casting;
    @Autowired
    ClosingRound closing;
    @Autowired
    JdbcTemplate jdbc;

    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @RepeatedTest(5)
    void twoMembersOfOneHouseholdVotingAtOnceLeaveOneCurrentBallotAndTwoHistoryEntries() throws Exception {
        Neighbourhood place = fixtures.building("88.50");
        long owner = fixtures.member(place.household(0), MemberRole.OWNER);
        long tenant = fixtures.member(place.household(0), MemberRole.TENANT);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        CyclicBarrier together = new CyclicBarrier(2);

        CompletableFuture<Result<BallotRecorded>> a = atOnce(together, poll, owner, "A");
        CompletableFuture<Result<BallotRecorded>> b = atOnce(together, poll, tenant, "B");

        assertThat(a.get().isDone()).isTrue();
        assertThat(b.get().isDone()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM ballot WHERE round_id = ?", poll)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ballot_history WHERE round_id = ?", poll)).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM receipt WHERE round_id = ?", poll)).isEqualTo(1);
        assertThat(a.get().orElseThrow().receipt()).isEqualTo(b.get().orElseThrow().receipt());
        String current = jdbc.queryForObject("SELECT choice FROM ballot WHERE round_id = ?", String.class, poll.id());
        String last = jdbc.queryForObject("SELECT choice FROM ballot_history WHERE round_id = ? ORDER BY id DESC LIMIT 1",
                String.class, poll.id());
        assertThat(current).isEqualTo(last);
    }

    @RepeatedTest(3)
    void aBallotRacingTheCloseIsEitherCountedOrRefusedNeverStoredUncounted() throws Exception {
        Neighbourhood place = fixtures.building("88.50", "90.00", "75.00");
        List<Long> members = place.households().stream()
                .map(household -> fixtures.member(household, MemberRole.OWNER)).toList();
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        CyclicBarrier together = new CyclicBarrier(members.size() + 1);

        List<CompletableFuture<Result<BallotRecorded>>> votes = members.stream()
                .map(member -> atOnce(together, poll, member, "A")).toList();
        CompletableFuture<Void> close = CompletableFuture.runAsync(() -> {
            await(together);
            closing.close(poll.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();
        }, threads);
        close.get();

        long accepted = 0;
        for (CompletableFuture<Result<BallotRecorded>> vote : votes) {
            accepted += vote.get().isDone() ? 1 : 0;
        }
        int counted = jdbc.queryForObject("SELECT participating_households FROM outcome WHERE round_id = ?",
                Integer.class, poll.id());
        assertThat(count("SELECT COUNT(*) FROM ballot WHERE round_id = ?", poll)).isEqualTo(accepted);
        assertThat(counted).isEqualTo(accepted);
    }

    private CompletableFuture<Result<BallotRecorded>> atOnce(CyclicBarrier together, Round poll, long member,
                                                             String key) {
        return CompletableFuture.supplyAsync(() -> {
            await(together);
            return casting.cast(new BallotRequest(poll.id(), member, null, List.of(key), Channel.WECOM_APP));
        }, threads);
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int count(String sql, Round round) {
        return jdbc.queryForObject(sql, Integer.class, round.id());
    }
}
