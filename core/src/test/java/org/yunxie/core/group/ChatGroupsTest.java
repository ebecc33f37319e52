package org.yunxie.core.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.MutableClock;

/** Finding a building's group by the chat id its messages arrive with. */
@SpringBootTest
class ChatGroupsTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    ChatGroups groups;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aChatIsFoundAsSoonAsItIsConnectedEvenRightAfterItWasNotFound() {
        ChatGroup group = fixtures.building("88.50").group();
        String chat = newChatId();
        assertThat(groups.findByWecomChatId(chat)).isEmpty();

        connect(group, chat);

        assertThat(groups.findByWecomChatId(chat)).map(ChatGroup::id).contains(group.id());
    }

    @Test
    void aGroupConnectedToAnotherChatIsNoLongerFoundByItsOldOne() {
        ChatGroup group = fixtures.building("88.50").group();
        String before = newChatId();
        String after = newChatId();
        connect(group, before);
        assertThat(groups.findByWecomChatId(before)).isPresent();

        connect(group, after);

        assertThat(groups.findByWecomChatId(before)).isEmpty();
        assertThat(groups.findByWecomChatId(after)).map(ChatGroup::id).contains(group.id());
    }

    @Test
    void aConnectionChangedByAnotherInstanceIsSeenHereWithinTheKeepingTime() {
        ChatGroup group = fixtures.building("88.50").group();
        String before = newChatId();
        String after = newChatId();
        connect(group, before);
        assertThat(groups.findByWecomChatId(before)).isPresent();
        // What another instance's connect writes: this instance hears nothing of it.
        jdbc.update("UPDATE chat_group SET wecom_chat_id = ? WHERE id = ?", after, group.id());

        clock.advance(ChatGroups.KEEP_FOUND.plusSeconds(1));

        assertThat(groups.findByWecomChatId(before)).isEmpty();
        assertThat(groups.findByWecomChatId(after)).map(ChatGroup::id).contains(group.id());
    }

    @Test
    void chatsFoundAheadTogetherAreKeptAsEachFoundAloneAndAnUnknownOneStaysUnfound() {
        ChatGroup first = fixtures.building("88.50").group();
        ChatGroup second = fixtures.building("88.50").group();
        String firstChat = newChatId();
        String secondChat = newChatId();
        String unknown = newChatId();
        connect(first, firstChat);
        connect(second, secondChat);

        groups.findAhead(List.of(firstChat, secondChat, unknown));
        // Kept from the one read: another instance's change is seen here only after the keeping time, as alone.
        jdbc.update("UPDATE chat_group SET wecom_chat_id = ? WHERE id = ?", newChatId(), first.id());

        assertThat(groups.findByWecomChatId(firstChat)).map(ChatGroup::id).contains(first.id());
        assertThat(groups.findByWecomChatId(secondChat)).map(ChatGroup::id).contains(second.id());
        assertThat(groups.findByWecomChatId(unknown)).isEmpty();
        clock.advance(ChatGroups.KEEP_FOUND.plusSeconds(1));
        assertThat(groups.findByWecomChatId(firstChat)).isEmpty();
    }

    private void connect(ChatGroup group, String chat) {
        groups.connect(group.id(), chat, PostVia.NONE, null, Fixtures.STAFF, Channel.CONSOLE);
    }

    private static String newChatId() {
        return "wr" + UUID.randomUUID().toString().replace("-", "");
    }
}
