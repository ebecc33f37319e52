package org.yunxie.bot.command;

/** What the bot answers, as plain text with light markdown that every channel can show. */
public record Reply(String text) {

    public Reply {
        text = text == null ? "" : text;
    }
}
