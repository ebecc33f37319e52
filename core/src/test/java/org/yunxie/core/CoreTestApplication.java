package org.yunxie.core;

import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.yunxie.core.support.MutableClock;
import org.yunxie.core.support.RecordingPublisher;

/** The smallest application that hosts core, as the bot does, with a clock tests can move. */
@SpringBootApplication
public class CoreTestApplication {

    /** Starts at {@code test.clock.start} when given, so a test can start an instance "later". */
    @Bean
    @Primary
    MutableClock testClock(@Value("${test.clock.start:}") String start) {
        MutableClock clock = new MutableClock();
        if (!start.isBlank()) {
            clock.moveTo(Instant.parse(start));
        }
        return clock;
    }

    @Bean
    RecordingPublisher recordingPublisher() {
        return new RecordingPublisher();
    }
}
