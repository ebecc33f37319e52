package org.yunxie.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.support.MutableClock;

/**
 * Who processes a message taken in: the instance that accepted it while its claim lasts, anyone once it ran
 * out, and anyone at once for a message stored for anyone. The channel is one no other core test stores.
 */
@SpringBootTest
class InboxTest {

    private static final Set<Channel> CHANNEL = Set.of(Channel.OFFLINE);

    @Autowired
    Inbox inbox;
    @Autowired
    MutableClock clock;

    @Test
    void aMessageStoredForAnyoneIsHandedOutAtOnceToOneAskerOnly() {
        drainLeftovers();
        InboundMessage stored = inbox.acceptForAnyone(Channel.OFFLINE, key(), "u1", "chat", "body").orElseThrow();

        List<InboundMessage> first = inbox.claimStalled(CHANNEL, 10);
        List<InboundMessage> second = inbox.claimStalled(CHANNEL, 10);

        assertThat(first).extracting(InboundMessage::id).containsExactly(stored.id());
        assertThat(second).isEmpty();
    }

    @Test
    void anAcceptedMessageIsHandedOutOnlyOnceItsClaimRanOutUnprocessed() {
        drainLeftovers();
        InboundMessage claimed = inbox.accept(Channel.OFFLINE, key(), "u1", "chat", "body").orElseThrow();
        InboundMessage done = inbox.accept(Channel.OFFLINE, key(), "u1", "chat", "body").orElseThrow();
        inbox.markProcessed(done.id(), "reply");

        assertThat(inbox.claimStalled(CHANNEL, 10)).isEmpty();
        clock.advance(Inbox.CLAIM.plus(Duration.ofMillis(1)));

        assertThat(inbox.claimStalled(CHANNEL, 10)).extracting(InboundMessage::id).containsExactly(claimed.id());
    }

    @Test
    void theSameMessageStoredForAnyoneTwiceIsStoredOnce() {
        String key = key();
        assertThat(inbox.acceptForAnyone(Channel.OFFLINE, key, "u1", "chat", "body")).isPresent();
        assertThat(inbox.acceptForAnyone(Channel.OFFLINE, key, "u1", "chat", "body")).isEmpty();
        assertThat(inbox.accept(Channel.OFFLINE, key, "u1", "chat", "body")).isEmpty();
    }

    @Test
    void messagesAnsweredTogetherAreStoredTogetherWithTheirReplies() {
        drainLeftovers();
        String first = key();
        String second = key();

        boolean stored = inbox.recordAllAnswered(Channel.OFFLINE, List.of(answered(first, "已记录 A"),
                answered(second, "已记录 B")));

        assertThat(stored).isTrue();
        assertThat(inbox.find(Channel.OFFLINE, first)).get().extracting(InboundMessage::reply).isEqualTo("已记录 A");
        assertThat(inbox.find(Channel.OFFLINE, second)).get().extracting(InboundMessage::reply).isEqualTo("已记录 B");
        assertThat(inbox.claimStalled(CHANNEL, 10)).isEmpty();
    }

    @Test
    void aRepeatAmongMessagesAnsweredTogetherStoresNoneOfThem() {
        String seen = key();
        String fresh = key();
        inbox.accept(Channel.OFFLINE, seen, "u1", "chat", "body").orElseThrow();
        String twice = key();

        assertThat(inbox.recordAllAnswered(Channel.OFFLINE, List.of(answered(fresh, "r"), answered(seen, "r"))))
                .isFalse();
        assertThat(inbox.recordAllAnswered(Channel.OFFLINE, List.of(answered(twice, "r"), answered(twice, "r"))))
                .isFalse();

        assertThat(inbox.find(Channel.OFFLINE, fresh)).isEmpty();
        assertThat(inbox.find(Channel.OFFLINE, twice)).isEmpty();
        assertThat(inbox.find(Channel.OFFLINE, seen)).get().extracting(InboundMessage::reply).isNull();
    }

    private static Inbox.Answered answered(String key, String reply) {
        return new Inbox.Answered(key, "u1", "chat", "body", reply);
    }

    /** Leaves nothing waiting: a message waiting in the inbox holds back the closing of rounds due after it. */
    @AfterEach
    void processWhatIsLeft() {
        drainLeftovers();
    }

    /** Earlier tests' messages of the channel: claimed and processed, so that each test sees only its own. */
    private void drainLeftovers() {
        clock.advance(Inbox.CLAIM.plus(Duration.ofMillis(1)));
        inbox.claimStalled(CHANNEL, 1_000).forEach(message -> inbox.markProcessed(message.id(), null));
    }

    private static String key() {
        return "test-" + UUID.randomUUID();
    }
}
