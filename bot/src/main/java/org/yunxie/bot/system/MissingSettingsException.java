package org.yunxie.bot.system;

import java.util.List;

/** Settings the chosen profile cannot run without; each problem names its environment variable. */
class MissingSettingsException extends RuntimeException {

    private final List<String> problems;

    MissingSettingsException(List<String> problems) {
        super("Missing or invalid settings for the server profile: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
