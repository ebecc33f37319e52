package org.yunxie.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.group.PostVia;
import org.yunxie.core.roster.BindingMember;
import org.yunxie.core.roster.Building;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.roster.IssuingBindingCode;
import org.yunxie.core.roster.KeepingRoster;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.DraftingRound;
import org.yunxie.core.round.OpeningRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;

/**
 * WeCom delivering one smart-robot message several times at the same instant (its retry can overlap the
 * first delivery still running): every delivery is answered with the first one's reply, and what the message
 * asked for is recorded once. Runs on the database and Redis the environment names (MariaDB in CI, where the
 * inbox's unique key makes a concurrent duplicate wait for the first and then fail), else on H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${yunxie.db.url:jdbc:h2:mem:bot-robot-race;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1}",
        "spring.quartz.auto-startup=false",
        "yunxie.demo.enabled=false",
        "yunxie.sandbox.enabled=false",
        "yunxie.locale=zh-CN",
        "yunxie.ballot.seal-key=dGVzdC1vbmx5LWJhbGxvdC1zZWFsLWtleS0zMi1ieXRlcw==",
        "yunxie.wecom.robot.token=" + WecomChannelTest.ROBOT_TOKEN,
        "yunxie.wecom.robot.aes-key=" + WecomChannelTest.ROBOT_AES_KEY,
        "yunxie.wecom.recovery-delay=PT1H"})
class RobotDeliveryRaceTest {

    private static final int DELIVERIES = 4;
    private static final Actor STAFF = Actor.staff("s1", "社工 李娟");

    @LocalServerPort
    int port;
    @Autowired
    KeepingRoster keeping;
    @Autowired
    ChatGroups groups;
    @Autowired
    IssuingBindingCode issuing;
    @Autowired
    BindingMember binding;
    @Autowired
    DraftingRound drafting;
    @Autowired
    OpeningRound opening;
    @Autowired
    JdbcTemplate jdbc;

    private final ExecutorService threads = Executors.newFixedThreadPool(DELIVERIES);
    private WecomSide wecom;
    private String chatId;
    private Household household;
    private long communityId;
    private long groupId;
    private String userid;

    @BeforeEach
    void aResidentInABuildingGroup() {
        wecom = new WecomSide(port, Clock.systemUTC());
        Community community = keeping.registerCommunity("竞态社区-" + UUID.randomUUID(), STAFF, Channel.CONSOLE);
        Building building = keeping.registerBuilding(community.id(), "9号楼", STAFF, Channel.CONSOLE);
        household = keeping.registerHousehold(building, "9-1-101", new BigDecimal("88.00"), null, STAFF,
                Channel.CONSOLE);
        ChatGroup group = groups.register(community.id(), "9号楼业主群", List.of(building.id()), STAFF, Channel.CONSOLE);
        chatId = "wrRace-" + UUID.randomUUID();
        groups.connect(group.id(), chatId, PostVia.NONE, null, STAFF, Channel.CONSOLE);
        communityId = community.id();
        groupId = group.id();
        userid = "u-" + UUID.randomUUID();
        String code = issuing.issue(household.id(), MemberRole.OWNER, Duration.ofDays(7), STAFF, Channel.CONSOLE)
                .orElseThrow().code();
        binding.bind(new ChatIdentity(IdentityKind.WECOM_USER, userid), "居民", code, Channel.WECOM_ROBOT)
                .orElseThrow();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @RepeatedTest(3)
    void aVoteDeliveredFourTimesAtOnceIsCastOnceAndEveryDeliveryGetsItsReceipt() throws Exception {
        Round poll = open(RoundDraft.poll(communityId, groupId, "楼道加装扶手", inADay()));
        String msgid = "race-" + UUID.randomUUID();

        List<String> replies = deliverAtOnce(msgid, "@云协商 #" + poll.number() + " 同意");

        assertThat(replies).allSatisfy(reply -> assertThat(reply).contains("9-1-101").contains("同意")
                .isEqualTo(replies.get(0)));
        assertThat(rows("SELECT COUNT(*) FROM ballot_history WHERE round_id = ?", poll.id())).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM audit_entry WHERE round_id = ? AND action = 'ballot.cast'", poll.id()))
                .isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM inbound_message WHERE dedupe_key = ?", msgid)).isEqualTo(1);
    }

    @RepeatedTest(3)
    void aChangeOfMindDeliveredFourTimesAtOnceIsRecordedOnce() throws Exception {
        Round poll = open(RoundDraft.poll(communityId, groupId, "更换单元门禁", inADay()));
        deliverAtOnce("race-" + UUID.randomUUID(), "@云协商 #" + poll.number() + " 同意");

        List<String> replies = deliverAtOnce("race-" + UUID.randomUUID(), "@云协商 #" + poll.number() + " 反对");

        assertThat(replies).allSatisfy(reply -> assertThat(reply).contains("反对").isEqualTo(replies.get(0)));
        assertThat(rows("SELECT COUNT(*) FROM ballot_history WHERE round_id = ?", poll.id())).isEqualTo(2);
        assertThat(rows("SELECT COUNT(*) FROM audit_entry WHERE round_id = ? AND action = 'ballot.changed'",
                poll.id())).isEqualTo(1);
    }

    @RepeatedTest(3)
    void aProposalDeliveredFourTimesAtOnceIsSubmittedOnce() throws Exception {
        // Nothing locks a proposal's way in: only the inbox's unique key stands between the deliveries.
        Round call = open(RoundDraft.proposalCall(communityId, groupId, "小区改造建议", 5, inADay()));

        List<String> replies = deliverAtOnce("race-" + UUID.randomUUID(), "@云协商 #提议 楼道装声控灯");

        assertThat(replies).allSatisfy(reply -> assertThat(reply).contains("已收到 9-1-101 的提案")
                .isEqualTo(replies.get(0)));
        assertThat(rows("SELECT COUNT(*) FROM proposal WHERE round_id = ?", call.id())).isEqualTo(1);
    }

    /** Sends the same sealed message {@link #DELIVERIES} times at the same instant; the replies, in order. */
    private List<String> deliverAtOnce(String msgid, String content) throws Exception {
        String message = wecom.robotGroupText(msgid, chatId, userid, content, "http://127.0.0.1:9/unused");
        WecomSide.Sealed sealed = wecom.sealForRobot(message);
        CyclicBarrier together = new CyclicBarrier(DELIVERIES);
        List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < DELIVERIES; i++) {
            deliveries.add(CompletableFuture.supplyAsync(() -> {
                await(together);
                return wecom.postRobot(sealed);
            }, threads));
        }
        List<String> replies = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> delivery : deliveries) {
            HttpResponse<String> answer = delivery.get();
            assertThat(answer.statusCode()).isEqualTo(200);
            replies.add(wecom.openRobotReply(answer.body()).path("stream").path("content").asText());
        }
        return replies;
    }

    private Round open(RoundDraft.Builder draft) {
        Round drafted = drafting.draft(draft.build(), STAFF, Channel.CONSOLE).orElseThrow();
        return opening.open(drafted.id(), STAFF, Channel.CONSOLE).orElseThrow();
    }

    private static Instant inADay() {
        return Instant.now().plus(Duration.ofDays(1));
    }

    private int rows(String sql, Object key) {
        Integer count = jdbc.queryForObject(sql, Integer.class, key);
        return count == null ? 0 : count;
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
