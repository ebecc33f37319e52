package org.yunxie.bot.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/** What a test does with the sandbox page's backend, over HTTP: speak in a chat and read its lines. */
public final class SandboxClient {

    private final RestClient http;

    public SandboxClient(int port) {
        this.http = RestClient.create("http://127.0.0.1:" + port);
    }

    public JsonNode group(String name) {
        for (JsonNode group : http.get().uri("/sandbox/api/groups").retrieve().body(JsonNode.class)) {
            if (group.path("name").asText().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no sandbox group " + name);
    }

    /** Says something in a group window and returns the bot's answer. */
    public String say(long groupId, String userid, String name, String text) {
        String chat = "group:" + groupId;
        List<JsonNode> before = lines(chat);
        long after = before.isEmpty() ? 0 : before.get(before.size() - 1).path("seq").asLong();
        post("/sandbox/api/groups/" + groupId + "/say", Map.of("userid", userid, "name", name, "text", text));
        return lines(chat).stream().filter(line -> line.path("seq").asLong() > after)
                .filter(line -> line.path("author").asText().equals("BOT")).map(line -> line.path("text").asText())
                .findFirst().orElseThrow(() -> new AssertionError("no answer to " + text));
    }

    public void post(String path, Object body) {
        http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity();
    }

    public List<JsonNode> lines(String chat) {
        List<JsonNode> all = new ArrayList<>();
        http.get().uri("/sandbox/api/chats?chat={chat}", chat).retrieve().body(JsonNode.class).forEach(all::add);
        return all;
    }

    /** The first line of the chat that matches, waiting up to 30 s for it. */
    public JsonNode await(String chat, Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode line : lines(chat)) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(chat + " never showed the expected line");
    }
}
