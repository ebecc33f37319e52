package org.yunxie.core.ballot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.Round;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Transactions;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;

@SpringBootTest
class LiveTallyTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    CastingBallot casting;
    @Autowired
    LiveTally liveTally;
    @Autowired
    CountingBallots counting;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    Transactions transactions;

    @Test
    void theCachedTallyFollowsEveryCommittedBallot() {
        Neighbourhood place = fixtures.building("88.50", "90.00");
        long first = fixtures.member(place.household(0), MemberRole.OWNER);
        long second = fixtures.member(place.household(1), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");

        assertThat(liveTally.of(poll).participating().households()).isZero();
        cast(poll, first, "A");
        assertThat(liveTally.of(poll).option(1).households()).isEqualTo(1);
        cast(poll, second, "A");
        cast(poll, first, "B");

        assertThat(liveTally.of(poll).option(1).households()).isEqualTo(1);
        assertThat(liveTally.of(poll).option(2).households()).isEqualTo(1);
        assertThat(liveTally.of(poll)).isEqualTo(counting.count(poll));
        assertThat(redis.keys("yunxie:tally:" + poll.id() + ":*")).isNotEmpty();
    }

    @Test
    void ballotsStoredTogetherMoveTheTallyOnceTheyCommitAndNotAtAllWhenUndone() {
        Neighbourhood place = fixtures.building("88.50", "90.00", "75.00");
        long first = fixtures.member(place.household(0), MemberRole.OWNER);
        long second = fixtures.member(place.household(1), MemberRole.OWNER);
        long third = fixtures.member(place.household(2), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        assertThat(liveTally.of(poll).participating().households()).isZero();
        long before = version(poll);

        transactions.retrying(() -> {
            cast(poll, first, "A");
            cast(poll, second, "B");
            assertThat(version(poll)).as("not before the commit").isEqualTo(before);
            return null;
        });
        assertThat(version(poll)).as("once for both").isEqualTo(before + 1);
        assertThat(liveTally.of(poll).participating().households()).isEqualTo(2);

        assertThatThrownBy(() -> transactions.retrying(() -> {
            cast(poll, third, "A");
            throw new IllegalStateException("undone");
        })).hasMessage("undone");
        assertThat(version(poll)).isEqualTo(before + 1);
        assertThat(liveTally.of(poll)).isEqualTo(counting.count(poll));
    }

    @Test
    void withRedisDownTheTallyIsCountedFromTheDatabase() throws IOException {
        Neighbourhood place = fixtures.building("88.50");
        long member = fixtures.member(place.household(0), MemberRole.OWNER);
        Round poll = fixtures.openPoll(place, "是否同意加装电梯？");
        cast(poll, member, "A");
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", closedPort()),
                LettuceClientConfiguration.builder().clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build()).build());
        nowhere.afterPropertiesSet();
        try {
            LiveTally withoutRedis = new LiveTally(counting, new StringRedisTemplate(nowhere));

            assertThat(withoutRedis.of(poll).option(1).households()).isEqualTo(1);
            withoutRedis.forget(poll.id());
        } finally {
            nowhere.destroy();
        }
    }

    private void cast(Round poll, long member, String key) {
        casting.cast(new BallotRequest(poll.id(), member, null, List.of(key), Channel.WECOM_APP)).orElseThrow();
    }

    private long version(Round poll) {
        String version = redis.opsForValue().get("yunxie:tally-version:" + poll.id());
        return version == null ? 0 : Long.parseLong(version);
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
