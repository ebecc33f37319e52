package org.yunxie.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
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
@TestPropertySource(properties = {"yunxie.jobs.closing-interval=500ms", "yunxie.jobs.outbox-interval=500ms",
        // A database of its own: its moved clock and fast jobs must not reach the other demo tests' rounds.
        "spring.datasource.url=jdbc:h2:mem:bot-sandbox-consultation;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1"})
@DirtiesContext
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
        SandboxClient sandbox = new SandboxClient(port);
        long group = sandbox.group("8号楼邻里群").path("id").asLong();
        String chat = "group:" + group;

        String launched = sandbox.say(group, "demo.lijuan", "社工李娟", "#发起 表决 8号楼加装电动车充电桩 截止3天");
        Matcher number = Pattern.compile("已发起 #(\\d+) 表决").matcher(launched);
        assertThat(number.find()).as(launched).isTrue();
        int n = Integer.parseInt(number.group(1));
        Round poll = rounds.findByNumber(roster.communities().get(0).id(), n).orElseThrow();
        sandbox.await(chat, line -> line.path("text").asText().startsWith("#" + n + " 表决开始"));

        assertThat(sandbox.say(group, "demo.huangmin", "黄敏", "#" + n + " 同意"))
                .matches("已记录：8-1-101 在 #" + n + " 选择「同意」，回执 [2-9A-HJ-NP-Z]{4}");
        String changed = sandbox.say(group, "demo.huangmin", "黄敏", "#" + n + " 反对");
        assertThat(changed).startsWith("已改为：8-1-101 在 #" + n + " 选择「反对」");

        sandbox.post("/sandbox/api/redeliver?chat=" + chat, Map.of());
        assertThat(sandbox.lines(chat).get(sandbox.lines(chat).size() - 1).path("text").asText())
                .as("a re-delivered message gets the same answer").isEqualTo(changed);
        long household = roster.household(poll.communityId(), "8-1-101").orElseThrow().id();
        assertThat(ballots.history(poll, household)).as("and is not counted again").hasSize(2);

        assertThat(sandbox.say(group, "sandbox.stranger", "路人", "#" + n + " 同意")).contains("您还没有绑定房屋");
        sandbox.say(group, "demo.xuling", "徐玲", "#" + n + " 同意");
        sandbox.say(group, "demo.madaye", "马大爷", n + "号同意");
        assertThat(ballots.respondedHouseholds(poll.id())).hasSize(3);

        MovableClock.CLOCK.moveTo(poll.closingAt().plusSeconds(1));
        JsonNode outcome = sandbox.await(chat, line -> line.path("text").asText().startsWith("#" + n + " 结果"));
        assertThat(outcome.path("text").asText()).contains("结论：通过", "参与 3/11 户", "同意 2 户", "反对 1 户");
        sandbox.await(chat, line -> !line.path("image").isNull() && line.path("seq").asLong() > outcome.path("seq").asLong());

        assertThat(sandbox.say(group, "demo.heping", "何平", "#" + n + " 同意")).isEqualTo("#" + n + " 已经截止，不能再回复了。回复「#结果 " + n + "」看结果。");
        Thread.sleep(1500);
        List<JsonNode> all = sandbox.lines(chat);
        assertThat(all).filteredOn(line -> line.path("text").asText().startsWith("#" + n + " 结果")).hasSize(1);
        assertThat(all).filteredOn(line -> !line.path("image").isNull()).hasSize(1);
        assertThat(ballots.respondedHouseholds(poll.id())).hasSize(3);
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
