package org.yunxie.bot.command;

/** A command being run: what was said, by whom, and who that is to Yunxie. */
public record Invocation(CommandLine line, Sender sender, Speaker speaker) {
}
