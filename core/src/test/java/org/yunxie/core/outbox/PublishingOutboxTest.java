package org.yunxie.core.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;
import org.yunxie.core.support.MutableClock;
import org.yunxie.core.support.RecordingPublisher;

/**
 * Sends outbox messages through a publisher that fails or defers on cue. Only the rounds a test watches
 * are scripted; messages of other tests (the outbox is shared) go to the recording publisher untouched.
 */
@SpringBootTest
class PublishingOutboxTest {

    @TestConfiguration
    static class ScriptedChannel {

        @Bean
        @Primary
        ScriptedPublisher scriptedPublisher(RecordingPublisher recording) {
            return new ScriptedPublisher(recording);
        }
    }

    /** Fails or defers a watched round's messages as told, then sends them, counting every send. */
    static class ScriptedPublisher implements OutboxPublisher {

        private final RecordingPublisher others;
        private final Set<Long> watched = ConcurrentHashMap.newKeySet();
        private final Map<Long, Deque<Exception>> script = new ConcurrentHashMap<>();
        private final Map<Long, AtomicInteger> calls = new ConcurrentHashMap<>();
        private final Map<Long, AtomicInteger> deliveries = new ConcurrentHashMap<>();

        ScriptedPublisher(RecordingPublisher others) {
            this.others = others;
        }

        void watch(Round round) {
            watched.add(round.id());
        }

        /** The round's next messages meet these problems, in order, before one goes through. */
        void failFirst(Round round, Exception... problems) {
            watch(round);
            script.computeIfAbsent(round.id(), id -> new ArrayDeque<>()).addAll(List.of(problems));
        }

        int calls(OutboxMessage message) {
            return calls.getOrDefault(message.id(), new AtomicInteger()).get();
        }

        int deliveries(OutboxMessage message) {
            return deliveries.getOrDefault(message.id(), new AtomicInteger()).get();
        }

        @Override
        public void publish(OutboxMessage message) throws Exception {
            if (message.roundId() == null || !watched.contains(message.roundId())) {
                others.publish(message);
                return;
            }
            calls.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet();
            Deque<Exception> problems = script.get(message.roundId());
            Exception problem = problems == null ? null : problems.pollFirst();
            if (problem != null) {
                throw problem;
            }
            deliveries.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet();
        }
    }

    /** Drains whatever is due, also other tests' leftovers, so the limit never hides a message of ours. */
    private static final int EVERYTHING_DUE = 10_000;

    @Autowired
    Fixtures fixtures;
    @Autowired
    PublishingOutbox publishing;
    @Autowired
    ScriptedPublisher channel;
    @Autowired
    Outbox outbox;
    @Autowired
    ClosingRound closing;
    @Autowired
    Rounds rounds;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OutboxMapper mapper;
    @Autowired
    ApplicationEventPublisher events;

    private final ExecutorService threads = Executors.newFixedThreadPool(2);


    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void aFailedSendIsRetriedLaterWithItsAttemptsCountedAndSentOnceWhenItWorks() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        channel.failFirst(poll, new IllegalStateException("robot webhook 503"),
                new IllegalStateException("robot webhook 503"));
        String key = "opened:" + poll.id();

        Instant firstTry = clock.instant();
        publishing.publishDue(EVERYTHING_DUE);

        Row first = row(key);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.sentAt()).isNull();
        assertThat(first.nextAttemptAt()).isAfter(firstTry);
        assertThat(first.lastError()).contains("robot webhook 503");

        publishing.publishDue(EVERYTHING_DUE);
        assertThat(channel.calls(message(key))).as("not tried again before its time").isEqualTo(1);

        clock.moveTo(first.nextAttemptAt());
        publishing.publishDue(EVERYTHING_DUE);
        Row second = row(key);
        assertThat(channel.calls(message(key))).isEqualTo(2);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.sentAt()).isNull();
        assertThat(Duration.between(first.nextAttemptAt(), second.nextAttemptAt()))
                .as("waits longer after each failure")
                .isGreaterThan(Duration.between(firstTry, first.nextAttemptAt()));

        clock.moveTo(second.nextAttemptAt());
        publishing.publishDue(EVERYTHING_DUE);
        clock.advance(Duration.ofHours(2));
        publishing.publishDue(EVERYTHING_DUE);

        Row sent = row(key);
        assertThat(channel.deliveries(message(key))).isEqualTo(1);
        assertThat(channel.calls(message(key))).isEqualTo(3);
        assertThat(sent.sentAt()).isEqualTo(second.nextAttemptAt());
        assertThat(sent.attempts()).isEqualTo(3);
    }

    @Test
    void aPublisherThatMayNotSendYetDefersTheMessageWithoutCountingAnAttempt() {
        Neighbourhood place = fixtures.building("88.50");
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        Instant nextMinute = clock.instant().plus(Duration.ofSeconds(45));
        channel.failFirst(poll, new PublishLater(nextMinute));
        String key = "opened:" + poll.id();

        publishing.publishDue(EVERYTHING_DUE);

        Row deferred = row(key);
        assertThat(deferred.attempts()).isZero();
        assertThat(deferred.nextAttemptAt()).isEqualTo(nextMinute);
        assertThat(deferred.sentAt()).isNull();
        assertThat(deferred.lastError()).isNull();
        clock.advance(Duration.ofSeconds(44));
        publishing.publishDue(EVERYTHING_DUE);
        assertThat(channel.calls(message(key))).isEqualTo(1);

        clock.moveTo(nextMinute);
        publishing.publishDue(EVERYTHING_DUE);

        assertThat(channel.deliveries(message(key))).isEqualTo(1);
        assertThat(row(key).sentAt()).isEqualTo(nextMinute);
    }

    @RepeatedTest(5)
    void twoSendersPublishingAtTheSameMomentSendEachMessageExactlyOnce() throws Exception {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        List<Round> polls = List.of(
                fixtures.openPoll(place, "加装电梯"), fixtures.openPoll(place, "更换单元门"),
                fixtures.openPoll(place, "楼道粉刷"), fixtures.openPoll(place, "安装监控"),
                fixtures.openPoll(place, "绿化改造"), fixtures.openPoll(place, "增设车棚"));
        polls.forEach(channel::watch);
        CyclicBarrier together = new CyclicBarrier(2);

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> publishTogether(together), threads);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> publishTogether(together), threads);
        a.get();
        b.get();

        for (Round poll : polls) {
            OutboxMessage opened = message("opened:" + poll.id());
            assertThat(channel.deliveries(opened)).as("deliveries of #%d", poll.number()).isEqualTo(1);
            assertThat(row(opened.dedupeKey()).sentAt()).isNotNull();
            assertThat(row(opened.dedupeKey()).attempts()).isEqualTo(1);
        }
    }

    @Test
    void sendingTheOutcomeMarksTheRoundsOutcomePublishedAndAFailedSendDoesNot() {
        Neighbourhood place = fixtures.building("88.50", "92.00");
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        channel.watch(poll);
        publishing.publishDue(EVERYTHING_DUE);
        assertThat(channel.deliveries(message("opened:" + poll.id()))).isEqualTo(1);
        assertThat(rounds.find(poll.id()).orElseThrow().outcomePublishedAt())
                .as("announcing the opening publishes no outcome").isNull();

        closing.close(poll.id(), Fixtures.STAFF, Channel.CONSOLE).orElseThrow();
        channel.failFirst(poll, new IllegalStateException("group not found"));
        publishing.publishDue(EVERYTHING_DUE);
        assertThat(rounds.find(poll.id()).orElseThrow().outcomePublishedAt()).isNull();

        Instant retry = row("outcome:" + poll.id()).nextAttemptAt();
        clock.moveTo(retry);
        publishing.publishDue(EVERYTHING_DUE);

        assertThat(channel.deliveries(message("outcome:" + poll.id()))).isEqualTo(1);
        assertThat(rounds.find(poll.id()).orElseThrow().outcomePublishedAt()).isEqualTo(retry);
    }

    private int publishTogether(CyclicBarrier together) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return publishing.publishDue(EVERYTHING_DUE);
    }

    @Test
    void whenTheApplicationStopsTheSendUnderWayFinishesFirstAndNothingMoreIsClaimed() throws Exception {
        Neighbourhood place = fixtures.building("88.50");
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        CountDownLatch sending = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        Set<Long> published = ConcurrentHashMap.newKeySet();
        PublishingOutbox stopping = new PublishingOutbox(mapper, message -> {
            if (poll.id() == (message.roundId() == null ? -1 : message.roundId())) {
                sending.countDown();
                goOn.await(10, TimeUnit.SECONDS);
            }
            published.add(message.id());
        }, events, clock, 1);
        CompletableFuture<Integer> publishing = CompletableFuture.supplyAsync(
                () -> stopping.publishDue(EVERYTHING_DUE), threads);
        assertThat(sending.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(stopping::stop, threads);
        Thread.sleep(200);
        assertThat(stopped).as("the stop waits for the send under way").isNotDone();
        goOn.countDown();
        stopped.get(10, TimeUnit.SECONDS);
        publishing.get(10, TimeUnit.SECONDS);
        Round later = fixtures.openPoll(fixtures.building("70.00"), "楼道加装扶手");
        int sentAfterStop = stopping.publishDue(EVERYTHING_DUE);

        assertThat(stopping.isRunning()).isFalse();
        assertThat(row("opened:" + poll.id()).sentAt()).isNotNull();
        assertThat(sentAfterStop).isZero();
        assertThat(row("opened:" + later.id()).sentAt()).isNull();
        assertThat(published).doesNotContain(message("opened:" + later.id()).id());
    }

    private OutboxMessage message(String key) {
        return outbox.find(key).orElseThrow();
    }

    private record Row(int attempts, Instant nextAttemptAt, Instant sentAt, String lastError) {
    }

    private Row row(String key) {
        return jdbc.queryForObject("SELECT attempts, next_attempt_at, sent_at, last_error FROM outbox WHERE dedupe_key = ?",
                (rs, n) -> new Row(rs.getInt("attempts"), instant(rs.getObject("next_attempt_at", LocalDateTime.class)),
                        instant(rs.getObject("sent_at", LocalDateTime.class)), rs.getString("last_error")), key);
    }

    /** Times are stored as UTC wall time. */
    private static Instant instant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }
}
