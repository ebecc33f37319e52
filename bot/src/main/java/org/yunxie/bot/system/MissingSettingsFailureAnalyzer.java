package org.yunxie.bot.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns missing settings into Spring Boot's short "APPLICATION FAILED TO START" report, without a stack trace. */
class MissingSettingsFailureAnalyzer extends AbstractFailureAnalyzer<MissingSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSettingsException cause) {
        return new FailureAnalysis(
                "The server profile needs a real database, Redis and ballot seal key:\n  - "
                        + String.join("\n  - ", cause.problems()),
                "Set these environment variables (see README.md), or start without the server profile "
                        + "to use the embedded database and Redis.",
                cause);
    }
}
