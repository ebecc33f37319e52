package org.yunxie.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;

/** Staff send vote cards; a resident taps a button in the 1:1 chat; the ballot is cast and the card updated. */
@EmbeddedDemoTest
class VoteCardTest {

    @LocalServerPort
    int port;
    @Autowired
    Rounds rounds;
    @Autowired
    Ballots ballots;
    @Autowired
    Roster roster;

    @Test
    void aTapOnAVoteCardCastsTheBallotAndUpdatesTheCard() throws Exception {
        RestClient http = RestClient.create("http://127.0.0.1:" + port);
        JsonNode group = group(http, "8号楼邻里群");
        // A poll of its own, so that the demo rounds other tests look at keep their seeded ballots.
        String launched = staffSays(http, group, "#发起 表决 8号楼更换单元门锁");
        int number = Integer.parseInt(launched.replaceAll("^已发起 #(\\d+).*$", "$1"));
        Round poll = rounds.findByNumber(roster.communities().get(0).id(), number).orElseThrow();

        String answer = staffSays(http, group, "#发卡 " + number);
        assertThat(answer).matches("已向 #" + number + " 未回复的 [1-9]\\d* 位住户发送投票卡片。");

        JsonNode card = null;
        String userid = null;
        for (JsonNode person : group.path("people")) {
            for (JsonNode line : lines(http, "user:" + person.path("userid").asText())) {
                if (line.path("buttons").size() > 0 && line.path("taskId").asText().startsWith("yx" + poll.id() + "m")) {
                    card = line;
                    userid = person.path("userid").asText();
                }
            }
        }
        assertThat(card).as("a card reached a member who has not voted").isNotNull();
        assertThat(card.path("buttons")).extracting(button -> button.path("text").asText())
                .containsExactly("同意", "反对", "弃权");

        http.post().uri("/sandbox/api/people/{userid}/click", userid).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", userid, "taskId", card.path("taskId").asText(),
                        "key", card.path("buttons").get(0).path("key").asText(), "text", "同意"))
                .retrieve().toBodilessEntity();

        String chat = "user:" + userid;
        JsonNode readBack = await(http, chat, "已记录：");
        assertThat(readBack.path("text").asText())
                .matches("已记录：\\d-\\d-\\d{3} 在 #" + number + " 选择「同意」，回执 [2-9A-HJ-NP-Z]{4}");
        assertThat(await(http, chat, "卡片已更新：已选「同意」").path("text").asText()).contains("回执");
        assertThat(ballots.respondedHouseholds(poll.id())).hasSize(1);
    }

    private static String staffSays(RestClient http, JsonNode group, String text) {
        http.post().uri("/sandbox/api/groups/{id}/say", group.path("id").asLong())
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userid", "demo.lijuan", "name", "社工李娟", "text", text))
                .retrieve().toBodilessEntity();
        return last(lines(http, "group:" + group.path("id").asLong())).path("text").asText();
    }

    private static JsonNode group(RestClient http, String name) {
        for (JsonNode group : http.get().uri("/sandbox/api/groups").retrieve().body(JsonNode.class)) {
            if (group.path("name").asText().equals(name)) {
                return group;
            }
        }
        throw new AssertionError("no group " + name);
    }

    private static JsonNode await(RestClient http, String chat, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode line : lines(http, chat)) {
                if (line.path("text").asText().startsWith(prefix)) {
                    return line;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(chat + " never showed " + prefix);
    }

    private static List<JsonNode> lines(RestClient http, String chat) {
        List<JsonNode> all = new ArrayList<>();
        http.get().uri("/sandbox/api/chats?chat={chat}", chat).retrieve().body(JsonNode.class).forEach(all::add);
        return all;
    }

    private static JsonNode last(List<JsonNode> lines) {
        return lines.get(lines.size() - 1);
    }
}
