package org.yunxie.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Turns at the database taken by other threads, as a busy instance's messages would, until released. */
final class HeldTurns {

    private HeldTurns() {
    }

    /** Takes {@code count} turns on other threads, each held until {@code release}; returns once all are held. */
    static void hold(AnsweringTurns turns, int count, CountDownLatch release) {
        CountDownLatch held = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            Thread holder = new Thread(() -> turns.whenTurn(() -> {
                held.countDown();
                try {
                    return release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            holder.setDaemon(true);
            holder.start();
        }
        try {
            assertThat(held.await(5, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
