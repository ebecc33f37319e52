package org.yunxie.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Turns at the database: a message runs when one is free soon, else is left for later, never lost. */
class AnsweringTurnsTest {

    private final CountDownLatch release = new CountDownLatch(1);

    @AfterEach
    void releaseHolders() {
        release.countDown();
    }

    @Test
    void aMessageRunsAtOnceWhileATurnIsFree() {
        AnsweringTurns turns = new AnsweringTurns(2, 10, Duration.ofMillis(50));
        holdTurns(turns, 1);

        assertThat(turns.ifTurnSoon(() -> "recorded")).contains("recorded");
    }

    @Test
    void withEveryTurnTakenTheWorkIsNotRunAndTheCallerHearsSoAfterTheWait() {
        AnsweringTurns turns = new AnsweringTurns(2, 10, Duration.ofMillis(50));
        holdTurns(turns, 2);
        AtomicBoolean ran = new AtomicBoolean();

        long start = System.nanoTime();
        Optional<String> outcome = turns.ifTurnSoon(() -> {
            ran.set(true);
            return "recorded";
        });

        assertThat(outcome).isEmpty();
        assertThat(ran).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
    }

    @Test
    void withTheMostAllowedAlreadyWaitingTheNextIsToldAtOnceWithoutWaiting() throws Exception {
        AnsweringTurns turns = new AnsweringTurns(1, 1, Duration.ofSeconds(5));
        holdTurns(turns, 1);
        CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> turns.whenTurn(() -> "queued"));
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (turns.waiting() < 1 && System.nanoTime() < until) {
            Thread.sleep(5);
        }

        long start = System.nanoTime();
        Optional<String> outcome = turns.ifTurnSoon(() -> "recorded");

        assertThat(outcome).isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        release.countDown();
        assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo("queued");
    }

    @Test
    void workThatMustRunWaitsForTheNextFreeTurnAndAFailureGivesItsTurnBack() throws Exception {
        AnsweringTurns turns = new AnsweringTurns(1, 10, Duration.ofMillis(50));
        assertThatThrownBy(() -> turns.whenTurn(() -> {
            throw new IllegalStateException("command failed");
        })).hasMessage("command failed");
        holdTurns(turns, 1);
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> turns.whenTurn(() -> "recorded later"));

        Thread.sleep(100);
        assertThat(waiting).isNotDone();
        release.countDown();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("recorded later");
    }

    @Test
    void aMessageTakenInEarlierWaitsWhileNewMessagesWaitSoThatABurstKeepsItsTurns() throws Exception {
        AnsweringTurns turns = new AnsweringTurns(1, 10, Duration.ofSeconds(5));
        List<String> order = new CopyOnWriteArrayList<>();
        holdTurns(turns, 1);
        CompletableFuture<Optional<Boolean>> first = CompletableFuture.supplyAsync(
                () -> turns.ifTurnSoon(() -> order.add("new 1")));
        awaitWaiting(turns, 1);

        CompletableFuture<Boolean> backlog = CompletableFuture.supplyAsync(
                () -> turns.behindNewMessages(() -> order.add("taken in earlier")));
        Thread.sleep(100);
        assertThat(turns.waiting()).as("the earlier message does not queue while a new one waits").isEqualTo(1);
        CompletableFuture<Optional<Boolean>> second = CompletableFuture.supplyAsync(
                () -> turns.ifTurnSoon(() -> order.add("new 2")));
        awaitWaiting(turns, 2);
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).contains(true);
        assertThat(second.get(5, TimeUnit.SECONDS)).contains(true);
        assertThat(backlog.get(5, TimeUnit.SECONDS)).isTrue();
        assertThat(order).containsExactly("new 1", "new 2", "taken in earlier");
    }

    private static void awaitWaiting(AnsweringTurns turns, int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (turns.waiting() != count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(turns.waiting()).isEqualTo(count);
    }

    private void holdTurns(AnsweringTurns turns, int count) {
        HeldTurns.hold(turns, count, release);
    }
}
