package org.yunxie.core.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;

@SpringBootTest
class CountingBallotsTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CastingBallot casting;
    @Autowired
    CountingBallots counting;
    @Autowired
    OpenedRolls rolls;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aKeptRollStillCountsEveryBallotCastSince() {
        Neighbourhood place = fixtures.building("88.50", "90.00", "61.25");
        long first = fixtures.member(place.household(0), MemberRole.OWNER);
        long second = fixtures.member(place.household(2), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意更换单元门？");

        assertThat(counting.count(poll).participating().households()).isZero();
        assertThat(rolls.keeps(poll.id())).isTrue();
        cast(poll, first, "A");
        cast(poll, second, "B");

        var tally = counting.count(poll);
        assertThat(tally.eligible().households()).isEqualTo(3);
        assertThat(tally.eligible().areaCenti()).isEqualTo(8850 + 9000 + 6125);
        assertThat(tally.option(1).households()).isEqualTo(1);
        assertThat(tally.option(1).areaCenti()).isEqualTo(8850);
        assertThat(tally.option(2).areaCenti()).isEqualTo(6125);
        assertThat(tally.participating().households()).isEqualTo(2);
    }

    @Test
    void aRollReadInATransactionThatRollsBackIsNotKept() {
        Neighbourhood place = fixtures.building("70.00", "72.00");
        AtomicReference<Round> undone = new AtomicReference<>();

        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Round poll = fixtures.openPoll(place, "是否同意粉刷楼道？");
            undone.set(poll);
            assertThat(counting.count(poll).eligible().households()).isEqualTo(2);
            status.setRollbackOnly();
        });

        assertThat(rolls.keeps(undone.get().id())).isFalse();
        Round opened = fixtures.openPoll(place, "是否同意粉刷楼道？");
        counting.count(opened);
        assertThat(rolls.keeps(opened.id())).isTrue();
    }

    @Test
    void theLeastRecentlyCountedRollsMakeRoomAndADraftsRollIsNeverKept() {
        BallotMapper mapper = mock(BallotMapper.class);
        when(mapper.findRollRows(anyLong())).thenReturn(List.of(
                new RollRow(1, "h1", new BigDecimal("50.00")), new RollRow(2, "h2", new BigDecimal("60.00"))));
        OpenedRolls small = new OpenedRolls(mapper, 4);

        small.of(round(1, true));
        small.of(round(2, true));
        small.of(round(1, true));
        small.of(round(3, true));
        small.of(round(4, false));

        assertThat(small.keeps(1)).isTrue();
        assertThat(small.keeps(2)).isFalse();
        assertThat(small.keeps(3)).isTrue();
        assertThat(small.keeps(4)).isFalse();
        verify(mapper, times(1)).findRollRows(1);
        assertThat(small.of(round(1, true))).extracting(entry -> entry.areaCenti()).containsExactly(5000L, 6000L);
    }

    private static Round round(long id, boolean opened) {
        Round round = mock(Round.class);
        when(round.id()).thenReturn(id);
        when(round.openedAt()).thenReturn(opened ? Instant.parse("2026-11-27T08:00:00Z") : null);
        return round;
    }

    private void cast(Round poll, long member, String key) {
        casting.cast(new BallotRequest(poll.id(), member, null, List.of(key), Channel.WECOM_APP)).orElseThrow();
    }
}
