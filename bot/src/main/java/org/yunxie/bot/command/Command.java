package org.yunxie.bot.command;

import java.util.List;

/**
 * One thing residents or staff can say to the bot: its name and aliases (the words that call it), the
 * message key of its usage line, who may use it, and what it does.
 */
public interface Command {

    /** The canonical command word, e.g. "确认". */
    String name();

    /** Other words that call it, e.g. "confirm". */
    List<String> aliases();

    /** Message key of a one-line usage text, shown in help and when the command is used wrongly. */
    String usageKey();

    /** Whether only staff (社工, administrators) may use it. */
    default boolean staffOnly() {
        return false;
    }

    /**
     * Whether running it changes nothing but ballots (with their history, receipts and audit entries): messages
     * answered together that all say such commands may read their speakers, rounds and places on the roll ahead.
     */
    default boolean castsBallotsOnly() {
        return false;
    }

    Reply run(Invocation invocation);
}
