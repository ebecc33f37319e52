package org.yunxie.core.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yunxie.core.CoreTestApplication;
import org.yunxie.core.ballot.BallotRequest;
import org.yunxie.core.ballot.CastingBallot;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;
import org.yunxie.core.support.MutableClock;
import org.yunxie.core.support.RecordingPublisher;

/**
 * Several application instances on one database, as behind a load balancer: each due round is closed once
 * and its outcome posted once, also for rounds that fell due while no instance was running.
 */
class ClosingExactlyOnceTest {

    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @AfterEach
    void stopInstances() {
        instances.forEach(ConfigurableApplicationContext::close);
    }

    @Test
    void twoSchedulersStartedAfterTheDeadlinesCloseEachRoundOnceAndPostEachOutcomeOnce() throws Exception {
        ConfigurableApplicationContext before = instance(false, null);
        List<Round> polls = new ArrayList<>();
        Fixtures fixtures = before.getBean(Fixtures.class);
        for (int i = 0; i < 6; i++) {
            Neighbourhood place = fixtures.building("88.50", "90.00");
            long member = fixtures.member(place.household(0), MemberRole.OWNER);
            Round poll = fixtures.openPoll(place, "第" + i + "项");
            before.getBean(CastingBallot.class).cast(new BallotRequest(poll.id(), member, null, List.of("A"),
                    Channel.WECOM_APP)).orElseThrow();
            polls.add(poll);
        }
        Instant afterDeadlines = before.getBean(MutableClock.class).instant().plus(Duration.ofDays(2));
        before.close();

        ConfigurableApplicationContext first = instance(true, afterDeadlines);
        ConfigurableApplicationContext second = instance(true, afterDeadlines);
        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        awaitPublished(jdbc, polls);

        for (Round poll : polls) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outcome WHERE round_id = ?", Integer.class, poll.id()))
                    .isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE round_id = ? AND action = ?",
                    Integer.class, poll.id(), "round.closed")).isEqualTo(1);
            long posted = outcomesPosted(first, poll) + outcomesPosted(second, poll);
            assertThat(posted).as("outcome posts of round #%d", poll.number()).isEqualTo(1);
        }
    }

    @Test
    void closersRacingOnTwoInstancesCloseEachRoundOnce() throws Exception {
        ConfigurableApplicationContext first = instance(false, null);
        Fixtures fixtures = first.getBean(Fixtures.class);
        List<Round> polls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            polls.add(fixtures.openPoll(fixtures.building("88.50"), "第" + i + "项"));
        }
        Instant later = first.getBean(MutableClock.class).instant().plus(Duration.ofDays(2));
        first.getBean(MutableClock.class).moveTo(later);
        ConfigurableApplicationContext second = instance(false, later.toString());
        CyclicBarrier together = new CyclicBarrier(2);

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> closeDue(first, together));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> closeDue(second, together));
        int closed = a.get() + b.get();

        JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
        for (Round poll : polls) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE round_id = ? AND action = ?",
                    Integer.class, poll.id(), "round.closed")).isEqualTo(1);
        }
        assertThat(closed).isGreaterThanOrEqualTo(polls.size());
    }

    private static int closeDue(ConfigurableApplicationContext instance, CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return instance.getBean(ClosingDueRounds.class).closeDue(1000);
    }

    private ConfigurableApplicationContext instance(boolean scheduling, Object clockStart) {
        // Arguments, not default properties: they must win over the test application.yml.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CoreTestApplication.class)
                .run("--spring.quartz.auto-startup=" + scheduling,
                        "--yunxie.jobs.closing-interval=300ms",
                        "--yunxie.jobs.outbox-interval=300ms",
                        "--test.clock.start=" + (clockStart == null ? "" : clockStart));
        instances.add(context);
        return context;
    }

    private static long outcomesPosted(ConfigurableApplicationContext instance, Round poll) {
        return instance.getBean(RecordingPublisher.class).sentForRound(poll.id()).stream()
                .filter(message -> message.kind() == OutboxKind.OUTCOME).count();
    }

    private static void awaitPublished(JdbcTemplate jdbc, List<Round> polls) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            int published = 0;
            for (Round poll : polls) {
                published += jdbc.queryForObject("SELECT COUNT(*) FROM round WHERE id = ? AND outcome_published_at IS NOT NULL",
                        Integer.class, poll.id());
            }
            if (published == polls.size()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("outcomes were not all published within 60 s");
    }
}
