package org.yunxie.bot.channel.wecom;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.common.util.crypto.WxCryptUtil;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.yunxie.bot.channel.CallbackCrypto;
import org.yunxie.bot.channel.CallbackRefused;

/**
 * The callback crypto against Tencent's published sample (WXBizMsgCrypt's Sample, also in the WeCom
 * document "加解密方案说明"): Token QDG6eK, EncodingAESKey jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C,
 * CorpID wx5823bf96d3bd56c7.
 */
class CallbackCryptoTest {

    static final String VERIFY_SIGNATURE = "5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3";
    static final String VERIFY_TIMESTAMP = "1409659589";
    static final String VERIFY_NONCE = "263014780";
    static final String VERIFY_ECHOSTR =
            "P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==";
    static final String VERIFY_PLAIN = "1616140317555161061";

    static final String MESSAGE_SIGNATURE = "477715d11cdb4164915debcba66cb864d751f3e6";
    static final String MESSAGE_TIMESTAMP = "1409659813";
    static final String MESSAGE_NONCE = "1372623149";
    static final String MESSAGE_ENCRYPT = "RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0"
            + "QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd"
            + "4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH"
            + "03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+"
            + "/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==";
    /** The plaintext the WeCom document gives for the sample message (line ends as sealed). */
    static final String MESSAGE_PLAIN = """
            <xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>
            <FromUserName><![CDATA[mycreate]]></FromUserName>
            <CreateTime>1409659813</CreateTime>
            <MsgType><![CDATA[text]]></MsgType>
            <Content><![CDATA[hello]]></Content>
            <MsgId>4561255354251345929</MsgId>
            <AgentID>218</AgentID>
            </xml>""";

    @Test
    void opensTencentsSampleEchostrAndMessage() {
        CallbackCrypto app = sampleCrypto(at(MESSAGE_TIMESTAMP));

        assertThat(app.open(VERIFY_SIGNATURE, VERIFY_TIMESTAMP, VERIFY_NONCE, VERIFY_ECHOSTR)).isEqualTo(VERIFY_PLAIN);
        assertThat(app.open(MESSAGE_SIGNATURE, MESSAGE_TIMESTAMP, MESSAGE_NONCE, MESSAGE_ENCRYPT))
                .isEqualTo(MESSAGE_PLAIN);
    }

    @Test
    void readsTheReceiveIdTheSampleWasSealedFor() {
        CallbackCrypto.Opened opened = sampleCrypto(at(MESSAGE_TIMESTAMP)).decryptWithReceiveId(MESSAGE_ENCRYPT);

        assertThat(opened.receiveId()).isEqualTo("wx5823bf96d3bd56c7");
        assertThat(opened.message()).isEqualTo(MESSAGE_PLAIN);
    }

    @Test
    void refusesTheSampleWhenExpectingAnotherCorp() {
        CallbackCrypto other = CallbackCrypto.of(WecomChannelTest.TOKEN, WecomChannelTest.AES_KEY, "ww0000000000000000",
                at(MESSAGE_TIMESTAMP)).orElseThrow();

        assertRefused(() -> other.open(MESSAGE_SIGNATURE, MESSAGE_TIMESTAMP, MESSAGE_NONCE, MESSAGE_ENCRYPT),
                HttpStatus.FORBIDDEN);
    }

    @Test
    void refusesAWrongSignatureAStaleTimestampAndTamperedCiphertext() {
        CallbackCrypto app = sampleCrypto(at(MESSAGE_TIMESTAMP));
        // A changed character near the end: the padding and receive id no longer decrypt as sealed.
        int at = MESSAGE_ENCRYPT.length() - 30;
        String flipped = MESSAGE_ENCRYPT.charAt(at) == 'A' ? "B" : "A";
        String tampered = MESSAGE_ENCRYPT.substring(0, at) + flipped + MESSAGE_ENCRYPT.substring(at + 1);

        assertRefused(() -> app.open(MESSAGE_SIGNATURE.replace('4', '5'), MESSAGE_TIMESTAMP, MESSAGE_NONCE,
                MESSAGE_ENCRYPT), HttpStatus.FORBIDDEN);
        assertRefused(() -> sampleCrypto(at("1409670000")).open(MESSAGE_SIGNATURE, MESSAGE_TIMESTAMP, MESSAGE_NONCE,
                MESSAGE_ENCRYPT), HttpStatus.FORBIDDEN);
        assertRefused(() -> app.open(MESSAGE_SIGNATURE, MESSAGE_TIMESTAMP, MESSAGE_NONCE, tampered),
                HttpStatus.FORBIDDEN);
        // Even signed by someone who knows the token but not the key, a changed ciphertext does not open.
        assertRefused(() -> app.open(SHA1.gen(WecomChannelTest.TOKEN, MESSAGE_TIMESTAMP, MESSAGE_NONCE, tampered),
                MESSAGE_TIMESTAMP, MESSAGE_NONCE, tampered), HttpStatus.FORBIDDEN);
        assertRefused(() -> app.open(null, MESSAGE_TIMESTAMP, MESSAGE_NONCE, MESSAGE_ENCRYPT), HttpStatus.BAD_REQUEST);
    }

    @Test
    void sealsRepliesThatWxJavaOpens() {
        Clock now = Clock.systemUTC();
        CallbackCrypto robot = CallbackCrypto.of(WecomChannelTest.ROBOT_TOKEN, WecomChannelTest.ROBOT_AES_KEY, "", now)
                .orElseThrow();

        CallbackCrypto.Sealed sealed = robot.seal("{\"msgtype\":\"stream\",\"stream\":{\"content\":\"已记录\"}}", "42");

        assertThat(new WxCryptUtil(WecomChannelTest.ROBOT_TOKEN, WecomChannelTest.ROBOT_AES_KEY, "")
                .decryptContent(sealed.signature(), sealed.timestamp(), sealed.nonce(), sealed.encrypt()))
                .isEqualTo("{\"msgtype\":\"stream\",\"stream\":{\"content\":\"已记录\"}}");
        assertThat(robot.decryptWithReceiveId(sealed.encrypt()).receiveId()).isEmpty();
        assertThat(sealed.nonce()).isEqualTo("42");
    }

    @Test
    void keepsSealingAndOpeningAfterARefusalOnEveryThread() throws Exception {
        CallbackCrypto app = sampleCrypto(at(MESSAGE_TIMESTAMP));
        WxCryptUtil wxJava = new WxCryptUtil(WecomChannelTest.TOKEN, WecomChannelTest.AES_KEY, WecomChannelTest.CORP_ID);
        Callable<Void> oneThread = () -> {
            // 12 + 20 bytes: the receive id's 18 bring the padding to a whole 32-byte block, then lengths around it.
            for (String text : List.of("", "同意", "x".repeat(12), "x".repeat(13), "#12 同意 7-3-502".repeat(40))) {
                // Decrypts, but the garbled length is refused.
                assertThatThrownBy(() -> app.decryptWithReceiveId(
                        MESSAGE_ENCRYPT.substring(0, 40) + "AAAA" + MESSAGE_ENCRYPT.substring(44)))
                        .isInstanceOf(CallbackRefused.class);
                CallbackCrypto.Sealed sealed = app.seal(text, "7");
                assertThat(wxJava.decryptContent(sealed.signature(), sealed.timestamp(), sealed.nonce(),
                        sealed.encrypt())).isEqualTo(text);
                assertThat(app.decryptWithReceiveId(sealed.encrypt()).message()).isEqualTo(text);
                assertThat(app.open(MESSAGE_SIGNATURE, MESSAGE_TIMESTAMP, MESSAGE_NONCE, MESSAGE_ENCRYPT))
                        .isEqualTo(MESSAGE_PLAIN);
            }
            return null;
        };
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            for (Future<Void> done : threads.invokeAll(Collections.nCopies(8, oneThread))) {
                done.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void isNotConfiguredWithoutATokenOrWithAKeyOfTheWrongLength() {
        Clock now = Clock.systemUTC();

        assertThat(CallbackCrypto.of("", WecomChannelTest.AES_KEY, "x", now)).isEmpty();
        assertThat(CallbackCrypto.of("t", "tooShort", "x", now)).isEmpty();
        assertThat(CallbackCrypto.of("t", WecomChannelTest.AES_KEY, "x", now)).isPresent();
    }

    private static CallbackCrypto sampleCrypto(Clock clock) {
        return CallbackCrypto.of(WecomChannelTest.TOKEN, WecomChannelTest.AES_KEY, WecomChannelTest.CORP_ID, clock)
                .orElseThrow();
    }

    private static Clock at(String epochSeconds) {
        return Clock.fixed(Instant.ofEpochSecond(Long.parseLong(epochSeconds)), ZoneOffset.UTC);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, HttpStatus status) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CallbackRefused.class,
                refused -> assertThat(refused.status()).isEqualTo(status));
    }
}
