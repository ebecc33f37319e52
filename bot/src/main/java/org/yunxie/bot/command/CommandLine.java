package org.yunxie.bot.command;

import java.util.List;

/**
 * What a message says, before anything is looked up: the command word (null when the message is only a
 * stance such as "同意"), the round number it threads to, a proposal number (P3), the remaining words, and
 * the text after the command word as typed (for proposals).
 */
public record CommandLine(String verb, Integer round, Integer proposal, List<String> words, String freeText) {

    public CommandLine {
        words = List.copyOf(words);
        freeText = freeText == null ? "" : freeText;
    }

    public boolean isEmpty() {
        return verb == null && round == null && proposal == null && words.isEmpty();
    }
}
