package org.yunxie.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
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
        SandboxClient sandbox = new SandboxClient(port);
        JsonNode group = sandbox.group("8号楼邻里群");
        long groupId = group.path("id").asLong();
        // A poll of its own, so that the demo rounds other tests look at keep their seeded ballots.
        String launched = sandbox.say(groupId, "demo.lijuan", "社工李娟", "#发起 表决 8号楼更换单元门锁");
        int number = Integer.parseInt(launched.replaceAll("^已发起 #(\\d+).*$", "$1"));
        Round poll = rounds.findByNumber(roster.communities().get(0).id(), number).orElseThrow();

        String answer = sandbox.say(groupId, "demo.lijuan", "社工李娟", "#发卡 " + number);
        assertThat(answer).matches("已向 #" + number + " 未回复的 [1-9]\\d* 位住户发送投票卡片。");

        JsonNode card = null;
        String userid = null;
        for (JsonNode person : group.path("people")) {
            for (JsonNode line : sandbox.lines("user:" + person.path("userid").asText())) {
                if (line.path("buttons").size() > 0 && line.path("taskId").asText().startsWith("yx" + poll.id() + "m")) {
                    card = line;
                    userid = person.path("userid").asText();
                }
            }
        }
        assertThat(card).as("a card reached a member who has not voted").isNotNull();
        assertThat(card.path("buttons")).extracting(button -> button.path("text").asText())
                .containsExactly("同意", "反对", "弃权");

        sandbox.post("/sandbox/api/people/" + userid + "/click", Map.of("name", userid,
                "taskId", card.path("taskId").asText(), "key", card.path("buttons").get(0).path("key").asText(),
                "text", "同意"));

        String chat = "user:" + userid;
        JsonNode readBack = sandbox.await(chat, line -> line.path("text").asText().startsWith("已记录："));
        assertThat(readBack.path("text").asText())
                .matches("已记录：\\d-\\d-\\d{3} 在 #" + number + " 选择「同意」，回执 [2-9A-HJ-NP-Z]{4}");
        assertThat(sandbox.await(chat, line -> line.path("text").asText().startsWith("卡片已更新：已选「同意」")).path("text").asText()).contains("回执");
        assertThat(ballots.respondedHouseholds(poll.id())).hasSize(1);
    }
}
