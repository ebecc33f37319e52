package org.yunxie.bot.command;

import java.util.Locale;

/** A command being run: what was said, by whom and where, and the language to answer in. */
public record Invocation(CommandLine line, Sender sender, Locale locale) {
}
