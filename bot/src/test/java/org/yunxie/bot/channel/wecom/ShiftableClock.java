package org.yunxie.bot.channel.wecom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A ticking clock that a test can move, for replaying a message at the moment it was signed (Tencent's
 * published sample is from 2014). It starts at the real time and goes back there on {@link #reset()}.
 */
final class ShiftableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    void setTo(Instant now) {
        offset = Duration.between(Instant.now(), now);
    }

    void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
        // Milliseconds, as core's clock: DATETIME(3) keeps no finer.
        return Instant.ofEpochMilli(Instant.now().plus(offset).toEpochMilli());
    }
}
