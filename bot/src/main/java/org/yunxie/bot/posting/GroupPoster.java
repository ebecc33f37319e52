package org.yunxie.bot.posting;

import org.yunxie.core.group.ChatGroup;

/** One way of posting into a group: its per-minute budget, a text, a picture. */
interface GroupPoster {

    /** How many messages a group may get a minute this way. */
    int perMinute();

    /** The longest text, in UTF-8 bytes, one message may carry. */
    int textBytes();

    void text(ChatGroup group, String text);

    void image(ChatGroup group, byte[] png);

    /** WeCom refused the message; {@code rateLimited} when the per-minute budget was spent. */
    class Refused extends RuntimeException {

        private final boolean rateLimited;

        Refused(String message, boolean rateLimited) {
            super(message);
            this.rateLimited = rateLimited;
        }

        boolean rateLimited() {
            return rateLimited;
        }
    }
}
