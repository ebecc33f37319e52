package org.yunxie.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;

/** Messages that wait for a turn are answered together; alone while turns are free; never lost, never twice. */
class AnsweringTogetherTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> answeredAlone = new CopyOnWriteArrayList<>();
    private final List<List<String>> answeredTogether = new CopyOnWriteArrayList<>();

    @AfterEach
    void releaseHolders() {
        release.countDown();
    }

    @Test
    void aMessageIsAnsweredAloneWhileATurnIsFree() {
        AnsweringTogether<String, String> together = together(new AnsweringTurns(2, 10, Duration.ofSeconds(1)), 16,
                this::allTogether);

        assertThat(together.ifTurnSoon("#3 同意")).contains("alone: #3 同意");
        assertThat(answeredTogether).isEmpty();
    }

    @Test
    void messagesWaitingWhileEveryTurnIsTakenAreAnsweredInOneGoEachWithItsOwnAnswer() throws Exception {
        AnsweringTurns turns = new AnsweringTurns(1, 10, Duration.ofSeconds(5));
        AnsweringTogether<String, String> together = together(turns, 16, this::allTogether);
        HeldTurns.hold(turns, 1, release);

        List<CompletableFuture<Optional<String>>> callers = waitInTurn(together, "a", "b", "c");
        release.countDown();

        assertThat(resultsOf(callers)).containsExactly("together: a", "together: b", "together: c");
        assertThat(answeredTogether).containsExactly(List.of("a", "b", "c"));
        assertThat(answeredAlone).isEmpty();
    }

    @Test
    void aTurnAnswersAtMostTheMostTogetherAndTheRestInTheTurnsAfter() throws Exception {
        AnsweringTurns turns = new AnsweringTurns(1, 10, Duration.ofSeconds(5));
        AnsweringTogether<String, String> together = together(turns, 2, this::allTogether);
        HeldTurns.hold(turns, 1, release);

        List<CompletableFuture<Optional<String>>> callers = waitInTurn(together, "a", "b", "c", "d", "e");
        release.countDown();

        assertThat(resultsOf(callers)).hasSize(5).allSatisfy(answer -> assertThat(answer).endsWith(": " +
                answer.substring(answer.length() - 1)));
        assertThat(answeredTogether).allSatisfy(batch -> assertThat(batch).hasSizeLessThanOrEqualTo(2));
        List<String> everyOne = new ArrayList<>(answeredAlone);
        answeredTogether.forEach(everyOne::addAll);
        assertThat(everyOne).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
    }

    @Test
    void whenAnsweringTogetherDeclinesEachIsAnsweredAloneAndOnlyOnce() throws Exception {
        AnsweringTurns turns = new AnsweringTurns(1, 10, Duration.ofSeconds(5));
        AnsweringTogether<String, String> together = together(turns, 16, messages -> {
            answeredTogether.add(messages);
            return Optional.empty();
        });
        HeldTurns.hold(turns, 1, release);

        List<CompletableFuture<Optional<String>>> callers = waitInTurn(together, "a", "b", "c");
        release.countDown();

        assertThat(resultsOf(callers)).containsExactly("alone: a", "alone: b", "alone: c");
        assertThat(answeredAlone).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void anUnreachableDatabaseReachesEveryCallerWhileAnyOtherFailureSendsEachAlone() throws Exception {
        AnsweringTurns turns = new AnsweringTurns(1, 10, Duration.ofSeconds(5));
        AnsweringTogether<String, String> unreachable = together(turns, 16, messages -> {
            throw new DataAccessResourceFailureException("connection refused");
        });
        HeldTurns.hold(turns, 1, release);
        List<CompletableFuture<Optional<String>>> failing = waitInTurn(unreachable, "a", "b");
        release.countDown();
        for (CompletableFuture<Optional<String>> caller : failing) {
            assertThatThrownBy(() -> caller.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(DataAccessResourceFailureException.class);
        }
        assertThat(answeredAlone).isEmpty();

        CountDownLatch releaseAgain = new CountDownLatch(1);
        AnsweringTogether<String, String> broken = together(turns, 16, messages -> {
            throw new IllegalStateException("a command's bug");
        });
        HeldTurns.hold(turns, 1, releaseAgain);
        List<CompletableFuture<Optional<String>>> callers = waitInTurn(broken, "c", "d");
        releaseAgain.countDown();
        assertThat(resultsOf(callers)).containsExactly("alone: c", "alone: d");
    }

    @Test
    void aMessageWhoseTurnDoesNotComeWithinTheWaitIsNeverAnsweredAndItsCallerHearsSo() throws Exception {
        AnsweringTurns turns = new AnsweringTurns(1, 10, Duration.ofMillis(100));
        AnsweringTogether<String, String> together = together(turns, 16, this::allTogether);
        HeldTurns.hold(turns, 1, release);

        long start = System.nanoTime();
        Optional<String> late = together.ifTurnSoon("late");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
        release.countDown();
        assertThat(together.ifTurnSoon("next")).contains("alone: next");

        assertThat(late).isEmpty();
        assertThat(together.waiting()).isZero();
        assertThat(answeredAlone).containsExactly("next");
        assertThat(answeredTogether).isEmpty();
    }

    @Test
    void withAsManyOnTheirWayAsTurnsAndWaitingAllowTheNextIsToldAtOnceThoughNoneWaitsForATurn() throws Exception {
        AnsweringTurns turns = new AnsweringTurns(1, 1, Duration.ofSeconds(5));
        CountDownLatch recording = new CountDownLatch(1);
        CountDownLatch recorded = new CountDownLatch(1);
        AnsweringTogether<String, String> together = together(turns, 16, messages -> {
            recording.countDown();
            await(recorded);
            return allTogether(messages);
        });
        HeldTurns.hold(turns, 1, release);
        List<CompletableFuture<Optional<String>>> onTheirWay = waitInTurn(together, "a", "b");
        release.countDown();
        assertThat(recording.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(together.waiting()).as("both taken up, none waiting for a turn").isZero();

        long start = System.nanoTime();
        Optional<String> full = together.ifTurnSoon("c");

        assertThat(full).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        recorded.countDown();
        assertThat(resultsOf(onTheirWay)).containsExactly("together: a", "together: b");
        assertThat(together.ifTurnSoon("d")).contains("alone: d");
    }

    @Test
    void aCallerInterruptedWhileItsMessageIsAnsweredStillGetsTheAnswerAndKeepsItsInterrupt() throws Exception {
        AnsweringTurns turns = new AnsweringTurns(1, 10, Duration.ofSeconds(5));
        CountDownLatch recording = new CountDownLatch(1);
        AnsweringTogether<String, String> together = together(turns, 16, messages -> {
            recording.countDown();
            await(release);
            return allTogether(messages);
        });
        CountDownLatch held = new CountDownLatch(1);
        HeldTurns.hold(turns, 1, held);
        CompletableFuture<Boolean> keptInterrupt = new CompletableFuture<>();
        Thread leader = new Thread(() -> together.ifTurnSoon("a"));
        Thread interrupted = new Thread(() -> {
            Optional<String> answer = together.ifTurnSoon("b");
            keptInterrupt.complete(answer.isPresent() && Thread.currentThread().isInterrupted());
        });
        leader.start();
        awaitWaiting(together, 1);
        interrupted.start();
        awaitWaiting(together, 2);
        held.countDown();
        assertThat(recording.await(5, TimeUnit.SECONDS)).isTrue();

        interrupted.interrupt();
        Thread.sleep(50);
        release.countDown();

        assertThat(keptInterrupt.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(answeredTogether).containsExactly(List.of("a", "b"));
    }

    @Test
    void aMessageTakenInEarlierWaitsWhileNewMessagesWaitHere() throws Exception {
        AnsweringTurns turns = new AnsweringTurns(1, 10, Duration.ofSeconds(5));
        AnsweringTogether<String, String> together = together(turns, 16, this::allTogether);
        List<String> order = new CopyOnWriteArrayList<>();
        HeldTurns.hold(turns, 1, release);
        List<CompletableFuture<Optional<String>>> callers = waitInTurn(together, "new");

        CompletableFuture<Boolean> backlog = CompletableFuture.supplyAsync(
                () -> turns.behindNewMessages(() -> order.add("taken in earlier")));
        Thread.sleep(100);
        assertThat(turns.waiting()).as("the earlier message does not queue while a new one waits").isZero();
        release.countDown();

        assertThat(resultsOf(callers)).containsExactly("alone: new");
        assertThat(backlog.get(5, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitWaiting(AnsweringTogether<String, String> together, int count)
            throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (together.waiting() != count && System.nanoTime() < until) {
            Thread.sleep(2);
        }
        assertThat(together.waiting()).isEqualTo(count);
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private AnsweringTogether<String, String> together(AnsweringTurns turns, int most,
                                                       Function<List<String>, Optional<List<String>>> inOneGo) {
        return new AnsweringTogether<>(turns, most, message -> {
            answeredAlone.add(message);
            return "alone: " + message;
        }, inOneGo, RobotMessages::unreachable);
    }

    private Optional<List<String>> allTogether(List<String> messages) {
        answeredTogether.add(messages);
        return Optional.of(messages.stream().map(message -> "together: " + message).toList());
    }

    /** Callers that each wait for a turn, in this order. */
    private static List<CompletableFuture<Optional<String>>> waitInTurn(AnsweringTogether<String, String> together,
                                                                        String... messages)
            throws InterruptedException {
        List<CompletableFuture<Optional<String>>> callers = new ArrayList<>();
        for (String message : messages) {
            int before = together.waiting();
            callers.add(CompletableFuture.supplyAsync(() -> together.ifTurnSoon(message),
                    command -> new Thread(command).start()));
            awaitWaiting(together, before + 1);
        }
        return callers;
    }

    private static List<String> resultsOf(List<CompletableFuture<Optional<String>>> callers) throws Exception {
        List<String> results = new ArrayList<>();
        for (CompletableFuture<Optional<String>> caller : callers) {
            results.add(caller.get(5, TimeUnit.SECONDS).orElseThrow());
        }
        return results;
    }
}
