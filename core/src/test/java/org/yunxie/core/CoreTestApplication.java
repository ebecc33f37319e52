package org.yunxie.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.yunxie.core.support.MutableClock;
import org.yunxie.core.support.RecordingPublisher;

/** The smallest application that hosts core, as the bot does, with a clock tests can move. */
@SpringBootApplication
public class CoreTestApplication {

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    RecordingPublisher recordingPublisher() {
        return new RecordingPublisher();
    }
}
