package org.yunxie.core.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.lettuce.core.ClientOptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;
import org.yunxie.core.support.MutableClock;

/**
 * Who sent a message is kept in memory per instance; a binding made anywhere is seen at the next message. The
 * "other instance" here is a second memory over the same database and Redis.
 */
@SpringBootTest
class KnownMembersTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Roster roster;
    @Autowired
    MemberMapper members;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    MutableClock clock;

    @Test
    void aSecondHouseholdIsSeenAtTheNextMessageOnTheInstanceThatBoundIt() {
        Neighbourhood place = fixtures.building("88.50", "90.00");
        ChatIdentity identity = Fixtures.newIdentity();
        fixtures.bind(identity, place.household(0), MemberRole.OWNER);
        assertThat(roster.boundMember(identity).orElseThrow().bindings()).hasSize(1);

        fixtures.bind(identity, place.household(1), MemberRole.OWNER);

        assertThat(roster.boundMember(identity).orElseThrow().bindings()).extracting(Binding::householdId)
                .containsExactlyInAnyOrder(place.household(0).id(), place.household(1).id());
    }

    @Test
    void anotherInstanceKeepsWhoSentAMessageAndSeesANewBindingAtItsNextMessage() {
        Neighbourhood place = fixtures.building("88.50", "90.00");
        ChatIdentity identity = Fixtures.newIdentity();
        fixtures.bind(identity, place.household(0), MemberRole.OWNER);
        KnownMembers otherInstance = new KnownMembers(redis, clock);
        Reads reads = new Reads();

        otherInstance.find(identity, reads);
        otherInstance.find(identity, reads);
        assertThat(reads.count()).isEqualTo(1);

        fixtures.bind(identity, place.household(1), MemberRole.OWNER);

        assertThat(otherInstance.find(identity, reads).orElseThrow().bindings()).hasSize(2);
        assertThat(reads.count()).isEqualTo(2);
    }

    @Test
    void aKeptMemberIsReadAgainOnceItIsAMinuteOld() {
        Neighbourhood place = fixtures.building("88.50");
        ChatIdentity identity = Fixtures.newIdentity();
        fixtures.bind(identity, place.household(0), MemberRole.OWNER);
        KnownMembers known = new KnownMembers(redis, clock);
        Reads reads = new Reads();
        known.find(identity, reads);

        clock.advance(KnownMembers.KEEP.plus(Duration.ofMillis(1)));
        known.find(identity, reads);

        assertThat(reads.count()).isEqualTo(2);
    }

    @Test
    void withRedisDownEveryMessageReadsTheDatabase() throws IOException {
        Neighbourhood place = fixtures.building("88.50");
        ChatIdentity identity = Fixtures.newIdentity();
        fixtures.bind(identity, place.household(0), MemberRole.OWNER);
        LettuceConnectionFactory nowhere = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", closedPort()),
                LettuceClientConfiguration.builder().clientOptions(ClientOptions.builder()
                        .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS).build()).build());
        nowhere.afterPropertiesSet();
        try {
            KnownMembers withoutRedis = new KnownMembers(new StringRedisTemplate(nowhere), clock);
            Reads reads = new Reads();

            assertThat(withoutRedis.find(identity, reads)).isPresent();
            assertThat(withoutRedis.find(identity, reads)).isPresent();

            assertThat(reads.count()).isEqualTo(2);
        } finally {
            nowhere.destroy();
        }
    }

    /** Reads the member from the database, as the roster does, counting the reads. */
    private final class Reads implements Function<ChatIdentity, Optional<BoundMember>> {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Optional<BoundMember> apply(ChatIdentity identity) {
            count.incrementAndGet();
            Member member = members.findByIdentity(identity).orElse(null);
            return member == null ? Optional.empty()
                    : Optional.of(new BoundMember(member, members.findBindings(member.id())));
        }

        int count() {
            return count.get();
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
