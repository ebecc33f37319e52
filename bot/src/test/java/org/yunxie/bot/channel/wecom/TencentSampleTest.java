package org.yunxie.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.yunxie.core.inbox.InboundMessage;
import org.yunxie.core.inbox.Inbox;
import org.yunxie.core.shared.Channel;

/**
 * Tencent's published callback sample, sent to the running bot over HTTP exactly as the sample gives it
 * (URL-encoded query, XML envelope), with the bot's clock set to the moment the sample was signed.
 */
@WecomChannelTest
class TencentSampleTest {

    @LocalServerPort
    int port;
    @Autowired
    ShiftableClock clock;
    @Autowired
    Inbox inbox;

    WecomSide wecom;
    FakeWecomApi api = FakeWecomApi.shared();

    @BeforeEach
    void setUp() {
        wecom = new WecomSide(port, clock);
        api.reset();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    void urlVerificationAnswersTheBareDecryptedEchostrWithinASecond() {
        clock.setTo(Instant.ofEpochSecond(Long.parseLong(CallbackCryptoTest.VERIFY_TIMESTAMP)).plusSeconds(1));
        WecomSide.Sealed sample = new WecomSide.Sealed(CallbackCryptoTest.VERIFY_SIGNATURE,
                CallbackCryptoTest.VERIFY_TIMESTAMP, CallbackCryptoTest.VERIFY_NONCE, CallbackCryptoTest.VERIFY_ECHOSTR);

        long start = System.nanoTime();
        HttpResponse<String> answer = wecom.verify("/wecom/callback", sample);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo(CallbackCryptoTest.VERIFY_PLAIN);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        assertThat(took).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void theSampleMessageDecryptsToTencentsPlaintextIsStoredAndAnswered() {
        clock.setTo(Instant.ofEpochSecond(Long.parseLong(CallbackCryptoTest.MESSAGE_TIMESTAMP)).plusSeconds(2));
        WecomSide.Sealed sample = new WecomSide.Sealed(CallbackCryptoTest.MESSAGE_SIGNATURE,
                CallbackCryptoTest.MESSAGE_TIMESTAMP, CallbackCryptoTest.MESSAGE_NONCE, CallbackCryptoTest.MESSAGE_ENCRYPT);
        // The envelope as in Tencent's sample code (ToUserName and Encrypt only).
        String envelope = "<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName><Encrypt><![CDATA["
                + CallbackCryptoTest.MESSAGE_ENCRYPT + "]]></Encrypt></xml>";

        HttpResponse<String> answer = wecom.post("/wecom/callback", sample, envelope, "text/xml");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("success");
        InboundMessage stored = inbox.find(Channel.WECOM_APP, "msg:4561255354251345929").orElseThrow();
        assertThat(stored.body()).isEqualTo(CallbackCryptoTest.MESSAGE_PLAIN);
        assertThat(stored.sender()).isEqualTo("mycreate");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(api.calls("/cgi-bin/message/send"))
                .singleElement().satisfies(call -> assertThat(call.body()).contains("\"touser\":\"mycreate\"")));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(inbox.find(Channel.WECOM_APP, "msg:4561255354251345929").orElseThrow().processedAt())
                        .isNotNull());
    }
}
