package org.yunxie.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yunxie.bot.channel.Deliveries;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.inbox.InboundMessage;
import org.yunxie.core.inbox.Inbox;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.shared.Channel;

/** The self-built app's callback over HTTP: what it refuses, and how a message is taken in and answered. */
@WecomChannelTest
@ExtendWith(OutputCaptureExtension.class)
class AppCallbackTest {

    private static final AtomicLong MSG_IDS = new AtomicLong(7_300_000_000_000_000_000L);

    @LocalServerPort
    int port;
    @Autowired
    ShiftableClock clock;
    @Autowired
    Inbox inbox;
    @Autowired
    Deliveries deliveries;
    @Autowired
    StalledMessages stalled;
    @Autowired
    Roster roster;
    @Autowired
    Rounds rounds;
    @Autowired
    Ballots ballots;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StringRedisTemplate redis;

    WecomSide wecom;
    FakeWecomApi api = FakeWecomApi.shared();

    @BeforeEach
    void setUp() {
        clock.reset();
        wecom = new WecomSide(port, clock);
        api.reset();
    }

    @Test
    void aVoteDeliveredThreeTimesWithOneMsgIdIsRecordedOnceAndAnsweredOnce() throws Exception {
        Round poll = handrailPoll();
        Household flat = household("8-2-101");
        int before = ballots.history(poll, flat.id()).size();
        long msgId = MSG_IDS.incrementAndGet();
        String xml = WecomSide.appText("demo.heping", "#" + poll.number() + " 同意", msgId, now());
        int rowsBefore = inboundRows();

        List<HttpResponse<String>> answers = deliverConcurrently(xml, 3);

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
        assertThat(answers).extracting(HttpResponse::body).containsOnly("success");
        await().atMost(Duration.ofSeconds(10)).until(() -> !sendsTo("demo.heping").isEmpty());
        Thread.sleep(500);
        assertThat(sendsTo("demo.heping")).singleElement().satisfies(send ->
                assertThat(send.path("text").path("content").asText())
                        .contains("8-2-101").contains("#" + poll.number()).contains("同意"));
        assertThat(inboundRows()).isEqualTo(rowsBefore + 1);
        InboundMessage stored = inbox.find(Channel.WECOM_APP, "msg:" + msgId).orElseThrow();
        await().atMost(Duration.ofSeconds(5)).until(() ->
                inbox.find(Channel.WECOM_APP, "msg:" + msgId).orElseThrow().processedAt() != null);
        assertThat(stored.sender()).isEqualTo("demo.heping");
        assertThat(ballots.history(poll, flat.id())).hasSize(before + 1);
    }

    @Test
    void theReplyGoesOutThroughTheConfiguredApiWithTheTokenSharedInRedis() {
        long msgId = MSG_IDS.incrementAndGet();

        HttpResponse<String> answer = wecom.postApp(wecom.sealForApp(
                WecomSide.appText("demo.xuling", "#帮助", msgId, now())));

        assertThat(answer.body()).isEqualTo("success");
        await().atMost(Duration.ofSeconds(10)).until(() -> !sendsTo("demo.xuling").isEmpty());
        FakeWecomApi.Call send = api.calls("/cgi-bin/message/send").get(0);
        String sharedToken = redis.opsForValue().get(
                "yunxie:wecom:wechat_cp_access_token_key:" + WecomChannelTest.CORP_ID + ":" + WecomChannelTest.AGENT_ID);
        assertThat(sharedToken).startsWith(FakeWecomApi.ACCESS_TOKEN_PREFIX);
        assertThat(send.query()).containsEntry("access_token", sharedToken);
        JsonNode body = wecom.read(send.body());
        assertThat(body.path("touser").asText()).isEqualTo("demo.xuling");
        assertThat(body.path("agentid").asInt()).isEqualTo(Integer.parseInt(WecomChannelTest.AGENT_ID));
        assertThat(body.path("msgtype").asText()).isEqualTo("text");
        assertThat(body.path("text").path("content").asText()).isNotBlank();
        // Every token fetched (by any test in this context) asked with our CorpID and Secret.
        assertThat(api.calls("/cgi-bin/gettoken")).allSatisfy(call -> assertThat(call.query())
                .containsEntry("corpid", WecomChannelTest.CORP_ID).containsEntry("corpsecret", WecomChannelTest.SECRET));
    }

    @Test
    void aMessageSealedForAnotherCorpIsRefusedAndLeavesNothing() {
        long msgId = MSG_IDS.incrementAndGet();
        WecomSide.Sealed foreign = wecom.seal(WecomChannelTest.TOKEN, WecomChannelTest.AES_KEY, "ww1111111111111111",
                WecomSide.appText("demo.heping", "#帮助", msgId, now()));

        HttpResponse<String> answer = wecom.postApp(foreign);

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).isNotEqualTo("success");
        assertNothingStoredOrSent(msgId);
    }

    @Test
    void aBadSignatureIsRefusedAndLeavesNothing() {
        long msgId = MSG_IDS.incrementAndGet();
        WecomSide.Sealed sealed = wecom.sealForApp(WecomSide.appText("demo.heping", "#帮助", msgId, now()));

        HttpResponse<String> answer = wecom.postApp(sealed.withSignature(
                wecom.sign("not-our-token", sealed.timestamp(), sealed.encrypt()).signature()));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertNothingStoredOrSent(msgId);
    }

    @Test
    void aTamperedOrStaleMessageIsRefusedAndLeavesNothing() {
        long msgId = MSG_IDS.incrementAndGet();
        String xml = WecomSide.appText("demo.heping", "#帮助", msgId, now());
        WecomSide.Sealed sealed = wecom.sealForApp(xml);
        String encrypt = sealed.encrypt();
        int at = encrypt.length() - 30;
        String tampered = encrypt.substring(0, at) + (encrypt.charAt(at) == 'A' ? 'B' : 'A') + encrypt.substring(at + 1);
        String stale = Long.toString(clock.instant().minus(Duration.ofMinutes(10)).getEpochSecond());

        HttpResponse<String> tamperedAnswer = wecom.postApp(sealed.withEncrypt(tampered));
        HttpResponse<String> resignedAnswer = wecom.postApp(wecom.sign(WecomChannelTest.TOKEN, sealed.timestamp(),
                tampered));
        HttpResponse<String> staleAnswer = wecom.postApp(wecom.sign(WecomChannelTest.TOKEN, stale, encrypt));

        assertThat(List.of(tamperedAnswer, resignedAnswer, staleAnswer)).extracting(HttpResponse::statusCode)
                .containsOnly(403);
        assertNothingStoredOrSent(msgId);
    }

    @Test
    void urlVerificationOfAnEchostrSealedForAnotherCorpIsRefused() {
        HttpResponse<String> ours = wecom.verify("/wecom/callback", wecom.sealForApp("4711"));
        HttpResponse<String> foreign = wecom.verify("/wecom/callback",
                wecom.seal(WecomChannelTest.TOKEN, WecomChannelTest.AES_KEY, "ww1111111111111111", "4711"));

        assertThat(ours.statusCode()).isEqualTo(200);
        assertThat(ours.body()).isEqualTo("4711");
        assertThat(foreign.statusCode()).isEqualTo(403);
    }

    @Test
    void aFailedSendIsSentAgainByRecoveryWithoutRunningTheCommandTwiceOrLoggingTheReply(CapturedOutput output)
            throws Exception {
        Round poll = handrailPoll();
        Household flat = household("8-1-201");
        int before = ballots.history(poll, flat.id()).size();
        long msgId = MSG_IDS.incrementAndGet();
        api.failNextSends(1);

        wecom.postApp(wecom.sealForApp(WecomSide.appText("demo.xuling", "#" + poll.number() + " 反对", msgId, now())));
        await().atMost(Duration.ofSeconds(10)).until(() -> sendsTo("demo.xuling").size() == 1);
        Thread.sleep(300);
        InboundMessage stored = inbox.find(Channel.WECOM_APP, "msg:" + msgId).orElseThrow();
        assertThat(stored.processedAt()).isNull();
        stalled.recover(stored);

        assertThat(sendsTo("demo.xuling")).hasSize(2).extracting(send -> send.path("text").path("content").asText())
                .containsOnly(sendsTo("demo.xuling").get(0).path("text").path("content").asText());
        assertThat(inbox.find(Channel.WECOM_APP, "msg:" + msgId).orElseThrow().processedAt()).isNotNull();
        assertThat(ballots.history(poll, flat.id())).hasSize(before + 1);
        String reply = sendsTo("demo.xuling").get(0).path("text").path("content").asText();
        assertThat(output.getAll()).contains("45033").doesNotContain(reply)
                .doesNotContain(FakeWecomApi.ACCESS_TOKEN_PREFIX);
    }

    @Test
    void takingMessagesInGoesOnWhenRedisIsDownWithTheInboxAsTheGuard() {
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(300)).build());
        nowhere.afterPropertiesSet();
        nowhere.start();
        try {
            Deliveries withoutRedis = new Deliveries(new StringRedisTemplate(nowhere), inbox);
            String key = "msg:" + MSG_IDS.incrementAndGet();

            assertThat(withoutRedis.accept(Channel.WECOM_APP, key, "demo.heping", null, "<xml/>")).isPresent();
            assertThat(withoutRedis.accept(Channel.WECOM_APP, key, "demo.heping", null, "<xml/>")).isEmpty();
            assertThat(deliveries.accept(Channel.WECOM_APP, key, "demo.heping", null, "<xml/>")).isEmpty();
        } finally {
            nowhere.destroy();
        }
    }

    private List<HttpResponse<String>> deliverConcurrently(String xml, int times) throws Exception {
        WecomSide.Sealed sealed = wecom.sealForApp(xml);
        ExecutorService pool = Executors.newFixedThreadPool(times);
        try {
            List<Future<HttpResponse<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < times; i++) {
                // WeCom signs each retry anew; the MsgId inside stays the same.
                WecomSide.Sealed retry = i == 0 ? sealed : wecom.sealForApp(xml);
                answers.add(pool.submit(() -> wecom.postApp(retry)));
            }
            List<HttpResponse<String>> results = new java.util.ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                results.add(answer.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertNothingStoredOrSent(long msgId) {
        assertThat(inbox.find(Channel.WECOM_APP, "msg:" + msgId)).isEmpty();
        assertThat(redis.hasKey(Deliveries.redisKey(Channel.WECOM_APP, "msg:" + msgId))).isFalse();
        assertThat(api.calls("/cgi-bin/message/send")).isEmpty();
    }

    private List<JsonNode> sendsTo(String userid) {
        return api.calls("/cgi-bin/message/send").stream().map(call -> wecom.read(call.body()))
                .filter(body -> body.path("touser").asText().equals(userid)).toList();
    }

    private int inboundRows() {
        Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM inbound_message", Integer.class);
        return rows == null ? 0 : rows;
    }

    private long now() {
        return clock.instant().getEpochSecond();
    }

    private Round handrailPoll() {
        long community = roster.communities().get(0).id();
        return rounds.openInCommunity(community).stream().filter(round -> round.kind() == RoundKind.POLL)
                .findFirst().orElseThrow();
    }

    private Household household(String label) {
        return roster.household(roster.communities().get(0).id(), label).orElseThrow();
    }
}
