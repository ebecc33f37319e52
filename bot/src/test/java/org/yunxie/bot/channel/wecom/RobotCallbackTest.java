package org.yunxie.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.group.PostVia;
import org.yunxie.core.inbox.InboundMessage;
import org.yunxie.core.inbox.Inbox;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;

/**
 * The smart robot endpoint over HTTP: group @-mentions run the command language and are answered in the
 * same response with an encrypted finished stream, once per msgid.
 */
@WecomChannelTest
class RobotCallbackTest {

    static final String CHAT_8 = "wrTestChat8-handrail";

    @LocalServerPort
    int port;
    @Autowired
    ShiftableClock clock;
    @Autowired
    Inbox inbox;
    @Autowired
    ChatGroups groups;
    @Autowired
    Roster roster;
    @Autowired
    Rounds rounds;
    @Autowired
    Ballots ballots;
    @Autowired
    StalledMessages stalled;
    @Autowired
    AnsweringTurns turns;
    @Autowired
    WecomSettings settings;
    @Autowired
    RobotMessages messages;

    WecomSide wecom;
    FakeWecomApi api = FakeWecomApi.shared();

    @BeforeEach
    void setUp() {
        clock.reset();
        wecom = new WecomSide(port, clock);
        api.reset();
        ChatGroup group8 = groups.ofCommunity(community()).stream().filter(g -> g.name().startsWith("8号楼"))
                .findFirst().orElseThrow();
        if (!CHAT_8.equals(group8.wecomChatId())) {
            groups.connect(group8.id(), CHAT_8, PostVia.NONE, null, Actor.staff("test", "测试社工"), Channel.CONSOLE);
        }
    }

    @Test
    void urlVerificationAnswersTheBareEchostrSealedWithAnEmptyReceiveIdWithinASecond() {
        long start = System.nanoTime();
        HttpResponse<String> ours = wecom.verify("/wecom/robot", wecom.sealForRobot("8392016357"));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        HttpResponse<String> sealedForACorp = wecom.verify("/wecom/robot", wecom.seal(WecomChannelTest.ROBOT_TOKEN,
                WecomChannelTest.ROBOT_AES_KEY, WecomChannelTest.CORP_ID, "8392016357"));

        assertThat(ours.statusCode()).isEqualTo(200);
        assertThat(ours.body()).isEqualTo("8392016357");
        assertThat(took).isLessThan(Duration.ofSeconds(1));
        assertThat(sealedForACorp.statusCode()).isEqualTo(403);
    }

    @Test
    void aGroupMentionVoteIsRecordedAndReadBackInAFinishedEncryptedStream() {
        Round poll = handrailPoll();
        Household flat = household("8-1-501");
        int before = ballots.history(poll, flat.id()).size();
        String msgid = newMsgid();

        HttpResponse<String> answer = wecom.postRobot(wecom.sealForRobot(wecom.robotGroupText(msgid, CHAT_8,
                "demo.madaye", "@云协商 #" + poll.number() + " 同意", api.responseUrl(msgid))));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode sealed = wecom.read(answer.body());
        assertThat(sealed.has("msgsignature")).isTrue();
        assertThat(sealed.path("timestamp").isNumber()).isTrue();
        JsonNode reply = wecom.openRobotReply(answer.body());
        assertThat(reply.path("msgtype").asText()).isEqualTo("stream");
        assertThat(reply.path("stream").path("finish").asBoolean()).isTrue();
        assertThat(reply.path("stream").path("id").asText()).isNotBlank();
        assertThat(reply.path("stream").path("content").asText())
                .contains("已记录：8-1-501 在 #" + poll.number() + " 选择「同意」");
        assertThat(ballots.history(poll, flat.id())).hasSize(before + 1);
        InboundMessage stored = inbox.find(Channel.WECOM_ROBOT, msgid).orElseThrow();
        assertThat(stored.processedAt()).isNotNull();
        assertThat(stored.chatId()).isEqualTo(CHAT_8);
        assertThat(stored.reply()).isEqualTo(reply.path("stream").path("content").asText());
    }

    @Test
    void aRepeatedMsgidGetsTheSameReplyAndRecordsNothingNew() {
        Round poll = handrailPoll();
        Household flat = household("8-1-101");
        String msgid = newMsgid();
        String message = wecom.robotGroupText(msgid, CHAT_8, "demo.huangmin", "@云协商 #" + poll.number() + " 反对",
                api.responseUrl(msgid));
        HttpResponse<String> first = wecom.postRobot(wecom.sealForRobot(message));
        int afterFirst = ballots.history(poll, flat.id()).size();

        HttpResponse<String> second = wecom.postRobot(wecom.sealForRobot(message));
        HttpResponse<String> third = wecom.postRobot(wecom.sealForRobot(message));

        String firstReply = wecom.openRobotReply(first.body()).path("stream").path("content").asText();
        assertThat(firstReply).contains("8-1-101").contains("反对");
        assertThat(wecom.openRobotReply(second.body()).path("stream").path("content").asText()).isEqualTo(firstReply);
        assertThat(wecom.openRobotReply(third.body()).path("stream").path("content").asText()).isEqualTo(firstReply);
        assertThat(ballots.history(poll, flat.id())).hasSize(afterFirst);
        assertThat(api.callsStartingWith("/robot-response/")).isEmpty();
    }

    @Test
    void aRetryAfterALaterChangeOfMindIsUndoneByTheInboxAndChangesNothing() {
        Round poll = handrailPoll();
        Household flat = household("8-1-101");
        String msgid = newMsgid();
        String against = wecom.robotGroupText(msgid, CHAT_8, "demo.huangmin", "@云协商 #" + poll.number() + " 反对",
                api.responseUrl(msgid));
        String firstReply = wecom.openRobotReply(wecom.postRobot(wecom.sealForRobot(against)).body())
                .path("stream").path("content").asText();
        String laterId = newMsgid();
        wecom.postRobot(wecom.sealForRobot(wecom.robotGroupText(laterId, CHAT_8, "demo.huangmin",
                "@云协商 #" + poll.number() + " 同意", api.responseUrl(laterId))));
        int historyBefore = ballots.history(poll, flat.id()).size();

        HttpResponse<String> retry = wecom.postRobot(wecom.sealForRobot(against));

        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(wecom.openRobotReply(retry.body()).path("stream").path("content").asText()).isEqualTo(firstReply);
        assertThat(ballots.ownChoice(poll, flat.id())).contains("A");
        assertThat(ballots.history(poll, flat.id())).hasSize(historyBefore);
    }

    @Test
    void aForgedSignatureIsRefusedAndStoresNothing() {
        String msgid = newMsgid();
        WecomSide.Sealed sealed = wecom.sealForRobot(wecom.robotGroupText(msgid, CHAT_8, "demo.madaye",
                "@云协商 #帮助", api.responseUrl(msgid)));

        HttpResponse<String> forged = wecom.postRobot(sealed.withSignature(
                wecom.sign("forged-token", sealed.timestamp(), sealed.encrypt()).signature()));
        HttpResponse<String> appKey = wecom.postRobot(wecom.seal(WecomChannelTest.TOKEN, WecomChannelTest.AES_KEY, "",
                wecom.robotGroupText(msgid, CHAT_8, "demo.madaye", "@云协商 #帮助", api.responseUrl(msgid))));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(appKey.statusCode()).isEqualTo(403);
        assertThat(inbox.find(Channel.WECOM_ROBOT, msgid)).isEmpty();
    }

    @Test
    void anEmptyMalformedOrOversizedBodyIsRefusedAndStoresNothing() {
        String msgid = newMsgid();
        WecomSide.Sealed sealed = wecom.sealForRobot(wecom.robotGroupText(msgid, CHAT_8, "demo.madaye",
                "@云协商 #帮助", api.responseUrl(msgid)));
        String oversized = "{\"encrypt\":\"" + sealed.encrypt() + " ".repeat(RobotCallbackServlet.MAX_BODY_CHARS)
                + "\"}";

        HttpResponse<String> empty = wecom.post("/wecom/robot", sealed, "", "application/json");
        HttpResponse<String> notJson = wecom.post("/wecom/robot", sealed, "<xml/>", "application/json");
        HttpResponse<String> tooLarge = wecom.post("/wecom/robot", sealed, oversized, "application/json");

        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(inbox.find(Channel.WECOM_ROBOT, msgid)).isEmpty();
        assertThat(wecom.postRobot(sealed).statusCode()).isEqualTo(200);
    }

    @Test
    void aChatBoundToNoGroupStillGetsTheConversationsAnswer() {
        String msgid = newMsgid();

        HttpResponse<String> answer = wecom.postRobot(wecom.sealForRobot(wecom.robotGroupText(msgid,
                "wrUnknownChat", "demo.xuling", "#帮助 @云协商", api.responseUrl(msgid))));

        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode reply = wecom.openRobotReply(answer.body());
        assertThat(reply.path("stream").path("finish").asBoolean()).isTrue();
        assertThat(reply.path("stream").path("content").asText()).isNotBlank();
        assertThat(inbox.find(Channel.WECOM_ROBOT, msgid).orElseThrow().processedAt()).isNotNull();
    }

    @Test
    void anEventOrImageIsAnsweredWithAnEmptyBodyAndNotStored() {
        String msgid = newMsgid();
        String event = "{\"msgid\":\"" + msgid + "\",\"aibotid\":\"aibTest\",\"chattype\":\"single\","
                + "\"from\":{\"userid\":\"demo.madaye\"},\"msgtype\":\"event\",\"event\":{\"eventtype\":\"enter_chat\"}}";

        HttpResponse<String> answer = wecom.postRobot(wecom.sealForRobot(event));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(inbox.find(Channel.WECOM_ROBOT, msgid)).isEmpty();
    }

    @Test
    void aMessageLeftUnansweredIsAnsweredLaterThroughItsResponseUrl() {
        Round poll = handrailPoll();
        Household flat = household("8-2-301");
        int before = ballots.history(poll, flat.id()).size();
        String msgid = newMsgid();
        String message = wecom.robotGroupText(msgid, CHAT_8, "demo.gaofeng", "@云协商 #" + poll.number() + " 弃权",
                api.responseUrl(msgid));
        // As if the instance that took it in had stopped before answering.
        InboundMessage stored = inbox.accept(Channel.WECOM_ROBOT, msgid, "demo.gaofeng", CHAT_8, message)
                .orElseThrow();

        stalled.recover(stored);

        assertThat(api.calls("/robot-response/" + msgid)).singleElement().satisfies(call -> {
            JsonNode body = wecom.read(call.body());
            assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
            assertThat(body.path("markdown").path("content").asText())
                    .contains("8-2-301 在 #" + poll.number() + " 选择「弃权」");
        });
        assertThat(inbox.find(Channel.WECOM_ROBOT, msgid).orElseThrow().processedAt()).isNotNull();
        assertThat(ballots.history(poll, flat.id())).hasSize(before + 1);
    }

    @Test
    void aVoteThatFindsEveryTurnTakenIsAnsweredLaterAtOnceAndItsReceiptFollowsThroughItsResponseUrl()
            throws Exception {
        Round poll = handrailPoll();
        Household flat = household("8-1-201");
        int before = ballots.history(poll, flat.id()).size();
        // A choice other than the household's current one, so that the vote records something new, and other
        // than the 反对 AppCallbackTest sends for the same household (弃权 = C, 同意 = A).
        String choice = ballots.ownChoice(poll, flat.id()).filter("C"::equals).isPresent() ? "同意" : "弃权";
        String msgid = newMsgid();
        String message = wecom.robotGroupText(msgid, CHAT_8, "demo.xuling", "@云协商 #" + poll.number() + " " + choice,
                api.responseUrl(msgid));
        CountDownLatch release = new CountDownLatch(1);
        try {
            HeldTurns.hold(turns, settings.robot().atOnce(), release);

            HttpResponse<String> answer = wecom.postRobot(wecom.sealForRobot(message));

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(wecom.openRobotReply(answer.body()).path("stream").path("content").asText())
                    .contains("稍后在群里回复");
            assertThat(inbox.find(Channel.WECOM_ROBOT, msgid)).hasValueSatisfying(
                    stored -> assertThat(stored.processedAt()).isNull());
            assertThat(ballots.history(poll, flat.id())).hasSize(before);
        } finally {
            release.countDown();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (api.calls("/robot-response/" + msgid).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(api.calls("/robot-response/" + msgid)).singleElement().satisfies(call -> assertThat(
                wecom.read(call.body()).path("markdown").path("content").asText())
                .contains("8-1-201 在 #" + poll.number() + " 选择「" + choice + "」"));
        assertThat(ballots.history(poll, flat.id())).hasSize(before + 1);
        while (inbox.find(Channel.WECOM_ROBOT, msgid).orElseThrow().processedAt() == null
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(inbox.find(Channel.WECOM_ROBOT, msgid).orElseThrow().processedAt()).isNotNull();
    }

    @Test
    void votesThatWaitForATurnTogetherAreEachRecordedOnceWithTheirOwnReadBack() throws Exception {
        Round poll = handrailPoll();
        List<String> users = List.of("demo.huangmin", "demo.xuling", "demo.madaye");
        List<Household> flats = List.of(household("8-1-101"), household("8-1-201"), household("8-1-501"));
        List<Integer> before = flats.stream().map(flat -> ballots.history(poll, flat.id()).size()).toList();
        List<String> msgids = List.of(newMsgid(), newMsgid(), newMsgid());
        // Each a choice other than the household's current one (弃权 = C), so that each vote records something.
        List<String> choices = flats.stream().map(flat -> ballots.ownChoice(poll, flat.id()).filter("C"::equals)
                .isPresent() ? "同意" : "弃权").toList();
        List<String> votes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            votes.add(wecom.robotGroupText(msgids.get(i), CHAT_8, users.get(i),
                    "@云协商 #" + poll.number() + " " + choices.get(i), api.responseUrl(msgids.get(i))));
        }

        List<CompletableFuture<HttpResponse<String>>> answers = postWaitingTogether(votes);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> answer = answers.get(i).get(10, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            String reply = wecom.openRobotReply(answer.body()).path("stream").path("content").asText();
            assertThat(reply).contains(flats.get(i).unitLabel() + " 在 #" + poll.number() + " 选择「" + choices.get(i) + "」");
            assertThat(ballots.history(poll, flats.get(i).id())).hasSize(before.get(i) + 1);
            assertThat(inbox.find(Channel.WECOM_ROBOT, msgids.get(i))).hasValueSatisfying(
                    stored -> assertThat(stored.reply()).isEqualTo(reply));
        }
        assertThat(api.callsStartingWith("/robot-response/")).isEmpty();
    }

    @Test
    void aVoteRefusedAmongVotesAnsweredTogetherGetsItsRefusalAndTheOthersAreRecorded() throws Exception {
        Round poll = handrailPoll();
        Household flat = household("8-1-501");
        int before = ballots.history(poll, flat.id()).size();
        String choice = ballots.ownChoice(poll, flat.id()).filter("C"::equals).isPresent() ? "同意" : "弃权";
        String strangerMsgid = newMsgid();
        String voteMsgid = newMsgid();
        String stranger = wecom.robotGroupText(strangerMsgid, CHAT_8, "not.bound.anywhere",
                "@云协商 #" + poll.number() + " 同意", api.responseUrl(strangerMsgid));
        String vote = wecom.robotGroupText(voteMsgid, CHAT_8, "demo.madaye", "@云协商 #" + poll.number() + " " + choice,
                api.responseUrl(voteMsgid));

        List<CompletableFuture<HttpResponse<String>>> answers = postWaitingTogether(List.of(stranger, vote));

        String refusal = wecom.openRobotReply(answers.get(0).get(10, TimeUnit.SECONDS).body()).path("stream")
                .path("content").asText();
        String recorded = wecom.openRobotReply(answers.get(1).get(10, TimeUnit.SECONDS).body()).path("stream")
                .path("content").asText();
        assertThat(refusal).contains("您还没有绑定房屋");
        assertThat(recorded).contains("8-1-501 在 #" + poll.number() + " 选择「" + choice + "」");
        assertThat(ballots.history(poll, flat.id())).hasSize(before + 1);
        assertThat(inbox.find(Channel.WECOM_ROBOT, strangerMsgid)).hasValueSatisfying(
                stored -> assertThat(stored.reply()).isEqualTo(refusal));
    }

    @Test
    void aRepeatWaitingForATurnTogetherWithItsFirstDeliveryIsCountedOnceAndGetsTheSameReply() throws Exception {
        Round poll = handrailPoll();
        Household flat = household("8-1-201");
        Household other = household("8-1-501");
        int before = ballots.history(poll, flat.id()).size();
        int otherBefore = ballots.history(poll, other.id()).size();
        String msgid = newMsgid();
        String otherMsgid = newMsgid();
        String message = wecom.robotGroupText(msgid, CHAT_8, "demo.xuling", "@云协商 #" + poll.number() + " 反对",
                api.responseUrl(msgid));
        String otherMessage = wecom.robotGroupText(otherMsgid, CHAT_8, "demo.madaye",
                "@云协商 #" + poll.number() + " 反对", api.responseUrl(otherMsgid));

        List<CompletableFuture<HttpResponse<String>>> answers = postWaitingTogether(
                List.of(message, otherMessage, message));

        List<String> replies = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(10, TimeUnit.SECONDS);
            assertThat(response.statusCode()).isEqualTo(200);
            replies.add(wecom.openRobotReply(response.body()).path("stream").path("content").asText());
        }
        assertThat(replies.get(0)).contains("8-1-201").contains("反对").isEqualTo(replies.get(2));
        assertThat(replies.get(1)).contains("8-1-501").contains("反对");
        assertThat(ballots.history(poll, flat.id())).hasSize(before + 1);
        assertThat(ballots.history(poll, other.id())).hasSize(otherBefore + 1);
    }

    @Test
    void aResidentWhoChangesHerMindWhileHerVotesWaitTogetherEndsWithTheLaterChoice() throws Exception {
        Round poll = handrailPoll();
        Household flat = household("8-1-201");
        int before = ballots.history(poll, flat.id()).size();
        String first = ballots.ownChoice(poll, flat.id()).filter("C"::equals).isPresent() ? "同意" : "弃权";
        List<String> msgids = List.of(newMsgid(), newMsgid(), newMsgid());
        List<String> votes = List.of(
                wecom.robotGroupText(msgids.get(0), CHAT_8, "demo.xuling", "@云协商 #" + poll.number() + " " + first,
                        api.responseUrl(msgids.get(0))),
                wecom.robotGroupText(msgids.get(1), CHAT_8, "demo.madaye", "@云协商 #" + poll.number() + " 同意",
                        api.responseUrl(msgids.get(1))),
                wecom.robotGroupText(msgids.get(2), CHAT_8, "demo.xuling", "@云协商 #" + poll.number() + " 反对",
                        api.responseUrl(msgids.get(2))));

        List<CompletableFuture<HttpResponse<String>>> answers = postWaitingTogether(votes);

        String firstReply = wecom.openRobotReply(answers.get(0).get(10, TimeUnit.SECONDS).body()).path("stream")
                .path("content").asText();
        answers.get(1).get(10, TimeUnit.SECONDS);
        String laterReply = wecom.openRobotReply(answers.get(2).get(10, TimeUnit.SECONDS).body()).path("stream")
                .path("content").asText();
        assertThat(firstReply).contains("8-1-201 在 #" + poll.number() + " 选择「" + first + "」");
        assertThat(laterReply).contains("已改为：8-1-201 在 #" + poll.number() + " 选择「反对」");
        assertThat(ballots.ownChoice(poll, flat.id())).contains("B");
        assertThat(ballots.history(poll, flat.id())).hasSize(before + 2);
    }

    /**
     * Posts each message on a thread of its own while every turn is held, each once those before it wait to be
     * answered together; then gives the turns back.
     */
    private List<CompletableFuture<HttpResponse<String>>> postWaitingTogether(List<String> messages)
            throws InterruptedException {
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        try {
            HeldTurns.hold(turns, settings.robot().atOnce(), release);
            for (String message : messages) {
                answers.add(CompletableFuture.supplyAsync(() -> wecom.postRobot(wecom.sealForRobot(message)),
                        command -> new Thread(command).start()));
                awaitWaitingTogether(answers.size());
            }
        } finally {
            release.countDown();
        }
        return answers;
    }

    private void awaitWaitingTogether(int count) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (messages.waitingTogether() < count && System.nanoTime() < until) {
            Thread.sleep(5);
        }
        assertThat(messages.waitingTogether()).isEqualTo(count);
    }

    private static String newMsgid() {
        return "msg" + UUID.randomUUID().toString().replace("-", "");
    }

    private long community() {
        return roster.communities().get(0).id();
    }

    private Round handrailPoll() {
        return rounds.openInCommunity(community()).stream().filter(round -> round.kind() == RoundKind.POLL)
                .findFirst().orElseThrow();
    }

    private Household household(String label) {
        return roster.household(community(), label).orElseThrow();
    }
}
