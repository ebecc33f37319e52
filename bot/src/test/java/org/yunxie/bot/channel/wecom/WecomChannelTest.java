package org.yunxie.bot.channel.wecom;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole bot on its web server (embedded profile: in-memory H2, its own Redis, the demo community),
 * with the app callback set up as in Tencent's published sample (Token QDG6eK, CorpID
 * wx5823bf96d3bd56c7), a smart robot key of its own, the WeCom API pointed at {@link FakeWecomApi}, and a
 * clock the tests can move. Quartz and the recovery schedule stay off: tests call what they need. Test
 * classes carrying this annotation share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:bot-wecom;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
                + "CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa",
        "spring.datasource.password=",
        "spring.quartz.auto-startup=false",
        "yunxie.redis.embedded=true",
        "yunxie.redis.url=",
        "yunxie.ballot.seal-key=dGVzdC1vbmx5LWJhbGxvdC1zZWFsLWtleS0zMi1ieXRlcw==",
        "yunxie.wecom.corp-id=" + WecomChannelTest.CORP_ID,
        "yunxie.wecom.agent-id=" + WecomChannelTest.AGENT_ID,
        "yunxie.wecom.secret=" + WecomChannelTest.SECRET,
        "yunxie.wecom.token=" + WecomChannelTest.TOKEN,
        "yunxie.wecom.aes-key=" + WecomChannelTest.AES_KEY,
        "yunxie.wecom.robot.token=" + WecomChannelTest.ROBOT_TOKEN,
        "yunxie.wecom.robot.aes-key=" + WecomChannelTest.ROBOT_AES_KEY,
        "yunxie.wecom.recovery-delay=PT1H"})
@ContextConfiguration(initializers = FakeWecomApi.PointTheBotAtIt.class)
@Import(WecomChannelTest.MovableClock.class)
@ActiveProfiles("embedded")
@interface WecomChannelTest {

    /** Tencent's published callback sample (WXBizMsgCrypt): the app's settings in these tests. */
    String TOKEN = "QDG6eK";
    String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    String CORP_ID = "wx5823bf96d3bd56c7";
    String AGENT_ID = "1000002";
    String SECRET = "test-app-secret";
    String ROBOT_TOKEN = "robotTestToken";
    String ROBOT_AES_KEY = "EurJcdkzago80m0d5SUXMxUdhCbT9SiExVzt2vg4XqE";

    @TestConfiguration(proxyBeanMethods = false)
    class MovableClock {
        @Bean
        @Primary
        ShiftableClock shiftableClock() {
            return new ShiftableClock();
        }
    }
}
