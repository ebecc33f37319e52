package org.yunxie.core.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.KeepingRoster;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.round.Rounds;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;

/** What the database keeps must come back the same: Chinese and emoji text, areas to the hundredth, times. */
@SpringBootTest
class StorageTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Roster roster;
    @Autowired
    KeepingRoster keeping;
    @Autowired
    Rounds rounds;

    @Test
    void chineseAndEmojiTextComeBackUnchanged() {
        Neighbourhood place = fixtures.building("88.50");
        ChatIdentity identity = Fixtures.newIdentity();
        fixtures.bind(identity, place.household(0), MemberRole.OWNER);
        String title = "7号楼加装门禁🚪，每户200元（含维护）";

        Round poll = fixtures.openPoll(place, title);

        assertThat(rounds.find(poll.id()).orElseThrow().title()).isEqualTo(title);
        assertThat(roster.community(place.community().id()).orElseThrow().name()).startsWith("测试社区");
        assertThat(roster.member(identity).orElseThrow().displayName()).isEqualTo("居民7-1-101");
    }

    @Test
    void areasAndTimesKeepTheirPrecisionToTheHundredthAndTheMillisecond() {
        Neighbourhood place = fixtures.building("123.45");
        Instant deadline = fixtures.inADay().truncatedTo(ChronoUnit.SECONDS).plusMillis(588);
        Round poll = fixtures.open(RoundDraft.poll(place.community().id(), place.group().id(), "议题", deadline));

        Household stored = roster.household(place.household(0).id()).orElseThrow();
        assertThat(stored.floorArea()).isEqualTo(new BigDecimal("123.45"));
        assertThat(rounds.find(poll.id()).orElseThrow().closingAt()).isEqualTo(deadline);
    }

    @Test
    void aUnitLabelIsUniqueWithinItsCommunity() {
        Neighbourhood place = fixtures.building("88.50");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> keeping.registerHousehold(place.building(), "7-1-101",
                        new BigDecimal("60.00"), null, Fixtures.STAFF, Channel.CONSOLE))
                .isInstanceOf(DuplicateKeyException.class);
    }
}
