package org.yunxie.bot.channel.wecom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;
import org.yunxie.bot.channel.Deliveries;
import org.yunxie.bot.text.Wording;
import org.yunxie.core.inbox.Inbox;

/**
 * What WeCom gets from the servlet when the message cannot be stored: not a 200 (so WeCom delivers it again)
 * and nothing written on the side. The database being down is the seam here; the whole path over real HTTP is
 * in {@link RobotCallbackTest} and the harness's database fault test.
 */
class RobotCallbackServletTest {

    private final Clock clock = Clock.systemUTC();
    private final RobotMessages messages = mock(RobotMessages.class);
    private final Inbox inbox = mock(Inbox.class);
    private final Deliveries deliveries = mock(Deliveries.class);
    private final RobotCallbackServlet servlet = new RobotCallbackServlet(
            new WecomSettings(null, null, null, null, null, null, new WecomSettings.Robot(
                    WecomChannelTest.ROBOT_TOKEN, WecomChannelTest.ROBOT_AES_KEY, null, null, null, null)),
            new ObjectMapper(), deliveries, inbox, messages, mock(StalledMessages.class), mock(Wording.class), clock);

    @Test
    void aMessageArrivingWhileTheDatabaseIsUnreachableIsAnswered500AndNothingIsStoredOnTheSide() throws Exception {
        when(messages.read(any())).thenReturn(Optional.of(new RobotMessages.RobotMessage("msg-1", "chat-8", true,
                "zhangsan", "http://127.0.0.1/response", "#1 同意", "{\"msgid\":\"msg-1\"}")));
        when(messages.answerAtOnce(any())).thenThrow(new CannotCreateTransactionException("pool timed out"));

        MockHttpServletResponse response = post(new WecomSide(0, clock).sealForRobot("{\"msgid\":\"msg-1\"}"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getContentAsString()).doesNotContain("同意");
        verifyNoInteractions(inbox, deliveries);
    }

    @Test
    void aForgedSignatureIsRefused403BeforeTheMessageIsRead() throws Exception {
        WecomSide.Sealed sealed = new WecomSide(0, clock).sealForRobot("{\"msgid\":\"msg-2\"}");

        MockHttpServletResponse response = post(sealed.withSignature("0".repeat(40)));

        assertThat(response.getStatus()).isEqualTo(403);
        verifyNoInteractions(messages, inbox, deliveries);
    }

    private MockHttpServletResponse post(WecomSide.Sealed sealed) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/wecom/robot");
        request.setParameter("msg_signature", sealed.signature());
        request.setParameter("timestamp", sealed.timestamp());
        request.setParameter("nonce", sealed.nonce());
        request.setContent(("{\"encrypt\":\"" + sealed.encrypt() + "\"}").getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        servlet.service(request, response);
        return response;
    }
}
