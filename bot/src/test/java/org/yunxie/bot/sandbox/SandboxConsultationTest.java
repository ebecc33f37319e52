package org.yunxie.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.client.RestClient;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;

/**
 * A whole consultation through the sandbox, over the real wire format: the sandbox encrypts and signs each
 * message as WeCom does and posts it to the bot's endpoints; the bot's announcements come back through the
 * group robot webhook at the sandbox's stand-in API. Only the clock is moved by hand, to pass the deadline.
 */
@EmbeddedDemoTest
@TestPropertySource(properties = {"yunxie.jobs.closing-interval=500ms", "yunxie.jobs.outbox-interval=500ms"})
class SandboxConsultationTest {

    @TestConfiguration
    static class MovableClock {

        static final AdjustableClock CLOCK = new AdjustableClock();

        @Bean
        @Primary
        Clock movableClock() {
            return CLOCK;
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Rounds rounds;
    @Autowired
    Ballots ballots;
    @Autowired
    Roster roster;

    @Test
    void aPollRunsFromLaunchToItsOutcomeInTheGroup() throws Exception {
        RestClient http = RestClient.create("http://127.0.0.1:" + port);
        long group = groupId(http, "8号楼邻里群");
        String chat = "group:" + group;

        String launched = say(http, group, "demo.lijuan", "社工李娟", "#发起 表决 8号楼加装电动车充电桩 截止3天");
        Matcher number = Pattern.compile("已发起 #(\\d+) 表决").matcher(launched);
        assertThat(number.find()).as(launched).isTrue();
        int n = Integer.parseInt(number.group(1));
        Round poll = rounds.findByNumber(roster.communities().get(0).id(), n).orElseThrow();
        await(http, chat, line -> line.path("text").asText().startsWith("#" + n + " 表决开始"));

        assertThat(say(http, group, "demo.huangmin", "黄敏", "#" + n + " 同意"))
                .matches("已记录：8-1-101 在 #" + n + " 选择「同意」，回执 [2-9A-HJ-NP-Z]{4}");
        String changed = say(http, group, "demo.huangmin", "黄敏", "#" + n + " 反对");
        assertThat(changed).startsWith("已改为：8-1-101 在 #" + n + " 选择「反对」");

        http.post().uri("/sandbox/api/redeliver?chat={chat}", chat).retrieve().toBodilessEntity();
        assertThat(lines(http, chat).get(lines(http, chat).size() - 1).path("text").asText())
                .as("a re-delivered message gets the same answer").isEqualTo(changed);
        long household = roster.household(poll.communityId(), "8-1-101").orElseThrow().id();
        assertThat(ballots.history(poll, household)).as("and is not counted again").hasSize(2);

        assertThat(say(http, group, "sandbox.stranger", "路人", "#" + n + " 同意")).contains("您还没有绑定房屋");
        say(http, group, "demo.xuling", "徐玲", "#" + n + " 同意");
        say(http, group, "demo.madaye", "马大爷", n + "号同意");
        assertThat(ballots.respondedHouseholds(poll.id())).hasSize(3);

        MovableClock.CLOCK.moveTo(poll.closingAt().plusSeconds(1));
        JsonNode outcome = await(http, chat, line -> line.path("text").asText().startsWith("#" + n + " 结果"));
        assertThat(outcome.path("text").asText()).contains("结论：通过", "参与 3/11 户", "同意 2 户", "反对 1 户");
        await(http, chat, line -> !line.path("image").isNull() && line.path("seq").asLong() > outcome.path("seq").asLong());

        assertThat(say(http, group, "demo.heping", "何平", "#" + n + " 同意")).isEqualTo("#" + n + " 已经截止，不能再回复了。回复「#结果 " + n + "」看结果。");
        Thread.sleep(1500);
        List<JsonNode> all = lines(http, chat);
        assertThat(all).filteredOn(line -> line.path("text").asText().startsWith("#" + n + " 结果")).hasSize(1);
        assertThat(all).filteredOn(line -> !line.path("image").isNull()).hasSize(1);
        assertThat(ballots.respondedHouseholds(poll.id())).hasSize(3);
    }

    private static long groupId(RestClient http, String name) {
        JsonNode groups = http.get().uri("/sandbox/api/groups").retrieve().body(JsonNode.class);
        for (JsonNode group : groups) {
            if (group.path("name").asText().equals(name)) {
                return group.path("id").asLong();
            }
        }
        throw new AssertionError("no sandbox group " + name);
    }

    /** Says something in the group window and returns the bot's answer. */
    private static String say(RestClient http, long group, String userid, String name, String text) {
        String chat = "group:" + group;
        long before = lastSeq(lines(http, chat));
        http.post().uri("/sandbox/api/groups/{group}/say", group).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("userid", userid, "name", name, "text", text)).retrieve().toBodilessEntity();
        return lines(http, chat).stream().filter(line -> line.path("seq").asLong() > before)
                .filter(line -> line.path("author").asText().equals("BOT")).map(line -> line.path("text").asText())
                .findFirst().orElseThrow(() -> new AssertionError("no answer to " + text));
    }

    private static JsonNode await(RestClient http, String chat, Predicate<JsonNode> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            for (JsonNode line : lines(http, chat)) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the group never showed the expected line");
    }

    private static List<JsonNode> lines(RestClient http, String chat) {
        JsonNode lines = http.get().uri("/sandbox/api/chats?chat={chat}", chat).retrieve().body(JsonNode.class);
        List<JsonNode> all = new java.util.ArrayList<>();
        lines.forEach(all::add);
        return all;
    }

    private static long lastSeq(List<JsonNode> lines) {
        return lines.isEmpty() ? 0 : lines.get(lines.size() - 1).path("seq").asLong();
    }

    /** The system clock until a test moves it forward. */
    static final class AdjustableClock extends Clock {

        private volatile Duration ahead = Duration.ZERO;

        void moveTo(Instant instant) {
            ahead = Duration.between(Instant.now(), instant).isNegative() ? ahead : Duration.between(Instant.now(), instant);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(ahead).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
