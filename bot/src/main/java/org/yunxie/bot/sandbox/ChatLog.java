package org.yunxie.bot.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;

/**
 * What the sandbox's chat windows show: per chat (a group, or a person's 1:1 chat with the app), every
 * message typed and everything the bot sent there. Kept in memory: the sandbox is a local stand-in.
 */
@Component
@SandboxEnabled
class ChatLog {

    /**
     * One line in a chat window; {@code image} is a PNG in Base64 when the bot posted a picture, and a vote
     * card carries its task id and buttons; an official-account notice carries the link it opens.
     */
    record Entry(long seq, Instant at, String chat, String from, Author author, String text, String image,
                 String taskId, List<Button> buttons, String link) {
    }

    record Button(String text, String key) {
    }

    enum Author { PERSON, BOT, ANNOUNCEMENT }

    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, List<Entry>> chats = new ConcurrentHashMap<>();

    static String group(long groupId) {
        return "group:" + groupId;
    }

    static String person(String userid) {
        return "user:" + userid;
    }

    Entry add(String chat, String from, Author author, String text, String image) {
        return add(chat, from, author, text, image, null, List.of(), null);
    }

    Entry add(String chat, String from, Author author, String text, String image, String taskId,
              List<Button> buttons, String link) {
        Entry entry = new Entry(sequence.incrementAndGet(), Instant.now(), chat, from, author, text, image, taskId,
                List.copyOf(buttons), link);
        List<Entry> lines = chats.computeIfAbsent(chat, key -> new ArrayList<>());
        synchronized (lines) {
            lines.add(entry);
        }
        return entry;
    }

    List<Entry> after(String chat, long seq) {
        List<Entry> lines = chats.getOrDefault(chat, List.of());
        synchronized (lines) {
            return lines.stream().filter(entry -> entry.seq() > seq).toList();
        }
    }
}
