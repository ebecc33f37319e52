package org.yunxie.bot.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.costshare.ShareMode;
import org.yunxie.core.roster.Building;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.IssuingBindingCode;
import org.yunxie.core.roster.KeepingRoster;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.DraftingRound;
import org.yunxie.core.round.OpeningRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;

/** 1:1 messages to the official account, in safe mode over the real wire format, as WeChat sends them. */
@EmbeddedDemoTest
class OfficialAccountTest {

    private static final Actor STAFF = Actor.staff("test", "测试社工");

    @LocalServerPort
    int port;
    @Autowired
    PlayingWeChat weChat;
    @Autowired
    KeepingRoster keeping;
    @Autowired
    IssuingBindingCode issuing;
    @Autowired
    DraftingRound drafting;
    @Autowired
    OpeningRound opening;
    @Autowired
    Ballots ballots;
    @Autowired
    Clock clock;

    @Test
    void aLandlordBindsAndConfirmsThroughTheOfficialAccountAndReadsBackTheAmount() {
        Household flat = household();
        Round share = costShare(flat);
        String code = issuing.issue(flat.id(), MemberRole.LANDLORD, Duration.ofDays(1), STAFF, Channel.CONSOLE)
                .orElseThrow().code();
        String openid = "o-test-" + UUID.randomUUID();

        weChat.sayToOfficialAccount(openid, "房东", "#绑定 " + code);
        assertThat(lastReply(openid)).startsWith("绑定成功：您已绑定 9-1-101（房东）");
        weChat.sayToOfficialAccount(openid, "房东", "#确认 " + share.number());

        assertThat(lastReply(openid)).matches("已记录：9-1-101 确认 #" + share.number()
                + "「楼顶防水」，本户分摊 150 元，回执 [2-9A-HJ-NP-Z]{4}。目前已确认 1/1 户。");
        assertThat(ballots.ownChoice(share, flat.id())).contains("A");
    }

    @Test
    void aMessageWithAForgedSignatureOrSealedForAnotherAccountIsRefused() {
        String xml = "<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[o-x]]></FromUserName>"
                + "<CreateTime>" + clock.instant().getEpochSecond() + "</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[#我的]]></Content><MsgId>" + System.nanoTime() + "</MsgId></xml>";
        Sealing ours = new Sealing("sandbox-mp-token", "sandboxMpEncodingAesKey0123456789abcdefghij",
                "wx-sandbox-official-account", clock);
        Sealing otherAccount = new Sealing("sandbox-mp-token", "sandboxMpEncodingAesKey0123456789abcdefghij",
                "wx-someone-else", clock);

        WxCryptUtil.EncryptContext sealed = ours.seal(xml);
        assertThat(post(sealed, "0000000000000000000000000000000000000000")).isEqualTo(403);
        assertThat(post(otherAccount.seal(xml), null)).isEqualTo(403);
        assertThat(post(sealed, null)).isEqualTo(200);
    }

    private int post(WxCryptUtil.EncryptContext sealed, String forgedSignature) {
        String query = "signature=" + SHA1.gen("sandbox-mp-token", sealed.getTimeStamp(), sealed.getNonce())
                + "&timestamp=" + sealed.getTimeStamp() + "&nonce=" + sealed.getNonce() + "&encrypt_type=aes"
                + "&msg_signature=" + (forgedSignature == null ? sealed.getSignature() : forgedSignature);
        return RestClient.create("http://127.0.0.1:" + port).post().uri("/wechat/mp?" + query)
                .contentType(MediaType.TEXT_XML)
                .body("<xml><Encrypt><![CDATA[" + sealed.getEncrypt() + "]]></Encrypt></xml>")
                .exchange((request, response) -> response.getStatusCode().value());
    }

    private String lastReply(String openid) {
        List<com.fasterxml.jackson.databind.JsonNode> lines = new SandboxClient(port).lines(SandboxWeChat.chat(openid));
        return lines.get(lines.size() - 1).path("text").asText();
    }

    /** A flat of its own in a community of its own, so the demo rounds stay as seeded. */
    private Household household() {
        Community community = keeping.registerCommunity("测试社区-" + UUID.randomUUID(), STAFF, Channel.CONSOLE);
        Building building = keeping.registerBuilding(community.id(), "9号楼", STAFF, Channel.CONSOLE);
        return keeping.registerHousehold(building, "9-1-101", new BigDecimal("70.00"), null, STAFF, Channel.CONSOLE);
    }

    private Round costShare(Household flat) {
        Round draft = drafting.draft(RoundDraft.costShare(flat.communityId(), null, "楼顶防水", ShareMode.PER_HOUSEHOLD,
                15_000, clock.instant().plus(Duration.ofDays(3))).buildings(List.of(flat.buildingId())).build(),
                STAFF, Channel.CONSOLE).orElseThrow();
        return opening.open(draft.id(), STAFF, Channel.CONSOLE).orElseThrow();
    }
}
