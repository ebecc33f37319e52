package org.yunxie.bot.posting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.bot.sandbox.SandboxClient;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.group.PostVia;
import org.yunxie.core.outbox.Outbox;
import org.yunxie.core.outbox.OutboxKind;
import org.yunxie.core.outcome.ClosingRound;
import org.yunxie.core.roster.Building;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.KeepingRoster;
import org.yunxie.core.round.DraftingRound;
import org.yunxie.core.round.OpeningRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;

/** Announcements reach the sandbox's groups over HTTP, through the app chat and within a robot's budget. */
@EmbeddedDemoTest
class GroupPostingTest {

    private static final Actor STAFF = Actor.staff("test", "测试社工");

    @LocalServerPort
    int port;
    @Autowired
    KeepingRoster keeping;
    @Autowired
    ChatGroups groups;
    @Autowired
    DraftingRound drafting;
    @Autowired
    OpeningRound opening;
    @Autowired
    ClosingRound closing;
    @Autowired
    Outbox outbox;

    @Test
    void anAppChatGroupGetsTheOpeningAndTheOutcomeWithItsChart() throws Exception {
        ChatGroup group = newGroup(PostVia.APP_CHAT, null);
        Round poll = openPoll(group);

        await(group, line -> line.path("text").asText().startsWith("#" + poll.number() + " 表决开始"));
        closing.close(poll.id(), STAFF, Channel.CONSOLE).orElseThrow();

        JsonNode outcome = await(group, line -> line.path("text").asText().startsWith("#" + poll.number() + " 结果"));
        assertThat(outcome.path("from").asText()).isEqualTo("云协商（应用群聊）");
        JsonNode chart = await(group, line -> !line.path("image").isNull());
        assertThat(java.util.Base64.getDecoder().decode(chart.path("image").asText()))
                .startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void aGroupRobotIsNeverAskedForMoreThanTwentyMessagesAMinute() throws Exception {
        ChatGroup group = newGroup(PostVia.ROBOT_WEBHOOK, "sandbox-robot-" + UUID.randomUUID());
        Round poll = openPoll(group);
        for (int i = 0; i < 24; i++) {
            outbox.enqueue(OutboxKind.ROUND_OPENED, "burst:" + poll.id() + ":" + i, poll.id(), group.id(),
                    Map.of("number", poll.number()));
        }

        await(group, line -> lines(group).size() >= 20);
        Thread.sleep(3000);

        Map<Long, Long> perMinute = lines(group).stream().collect(Collectors.groupingBy(
                line -> Instant.parse(line.path("at").asText()).getEpochSecond() / 60, Collectors.counting()));
        assertThat(perMinute.values()).allSatisfy(count -> assertThat(count).isLessThanOrEqualTo(20));
        assertThat(lines(group)).as("the robot never had to refuse").noneMatch(line -> line.path("text").asText()
                .contains("errcode 45009"));
    }

    /** A group in a community of its own, so the demo community stays as seeded for the other tests. */
    private ChatGroup newGroup(PostVia via, String webhookKey) {
        Community community = keeping.registerCommunity("测试社区-" + UUID.randomUUID(), STAFF, Channel.CONSOLE);
        Building building = keeping.registerBuilding(community.id(), "1号楼", STAFF, Channel.CONSOLE);
        keeping.registerHousehold(building, "1-1-101", new BigDecimal("80.00"), null, STAFF, Channel.CONSOLE);
        ChatGroup group = groups.register(community.id(), "测试群", List.of(building.id()), STAFF, Channel.CONSOLE);
        return groups.connect(group.id(), "wrTest" + UUID.randomUUID().toString().substring(0, 8), via, webhookKey,
                STAFF, Channel.CONSOLE);
    }

    private Round openPoll(ChatGroup group) {
        Round draft = drafting.draft(RoundDraft.poll(group.communityId(), group.id(), "测试表决",
                Instant.now().plus(Duration.ofDays(1))).build(), STAFF, Channel.CONSOLE).orElseThrow();
        return opening.open(draft.id(), STAFF, Channel.CONSOLE).orElseThrow();
    }

    private JsonNode await(ChatGroup group, Predicate<JsonNode> wanted) throws InterruptedException {
        return new SandboxClient(port).await("group:" + group.id(), wanted);
    }

    private List<JsonNode> lines(ChatGroup group) {
        return new SandboxClient(port).lines("group:" + group.id());
    }
}
