package org.yunxie.bot.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.yunxie.bot.EmbeddedDemoTest;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.ballot.Ballots;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.roster.Building;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.HouseholdMapper;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.roster.Member;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.RollHousehold;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundKind;
import org.yunxie.core.round.Rounds;

@EmbeddedDemoTest
class StartingWithDemoDataTest {

    @Autowired
    Environment environment;
    @Autowired
    DataSource dataSource;
    @Autowired
    TestRestTemplate http;
    @Autowired
    Roster roster;
    @Autowired
    HouseholdMapper households;
    @Autowired
    ChatGroups groups;
    @Autowired
    Rounds rounds;
    @Autowired
    Ballots ballots;
    @Autowired
    AuditLog audit;
    @Autowired
    DemoSeeder seeder;

    @Test
    void startsInTheEmbeddedProfileOnH2AndAnswersHealthAndReadinessUp() throws Exception {
        assertThat(environment.getActiveProfiles()).containsExactly("embedded");
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
        }
        assertThat(http.getForObject("/actuator/health", String.class)).contains("\"status\":\"UP\"");
        assertThat(http.getForObject("/actuator/health/readiness", String.class)).contains("\"status\":\"UP\"");
        assertThat(http.getForObject("/actuator/health/liveness", String.class)).contains("\"status\":\"UP\"");
    }

    @Test
    void seedsSixtyHouseholdsInTwoBuildingsWithOneUnsold() {
        List<Household> all = households.findByBuildings(
                roster.buildings(demo().id()).stream().map(Building::id).toList());

        assertThat(all).hasSize(60);
        assertThat(all).filteredOn(household -> !household.eligible()).extracting(Household::unitLabel)
                .containsExactly("8-2-601");
        assertThat(all).extracting(Household::unitLabel).contains("7-1-101", "7-2-301", "7-4-602", "8-2-101");
        assertThat(all).allSatisfy(household -> assertThat(household.floorArea())
                .isBetween(new BigDecimal("68.40"), new BigDecimal("126.80")));
        assertThat(all.stream().map(Household::floorArea).distinct()).hasSizeGreaterThan(10);
    }

    @Test
    void opensTheDoorAccessCostShareIn7AndTheHandrailPollIn8() {
        List<ChatGroup> chatGroups = groups.ofCommunity(demo().id());
        assertThat(chatGroups).extracting(ChatGroup::name).containsExactlyInAnyOrder("7号楼业主群", "8号楼邻里群");

        // The seeded rounds are #1 and #2; other tests sharing this application may open more.
        List<Round> open = rounds.openInCommunity(demo().id()).stream().filter(round -> round.number() <= 2).toList();
        assertThat(open).extracting(Round::kind).containsExactly(RoundKind.COST_SHARE, RoundKind.POLL);
        Round doorAccess = open.get(0);
        Round handrail = open.get(1);
        assertThat(doorAccess.title()).isEqualTo("7号楼加装门禁, 每户200元");
        assertThat(groupName(doorAccess)).isEqualTo("7号楼业主群");
        assertThat(rounds.roll(doorAccess.id())).hasSize(48).extracting(RollHousehold::shareFen).containsOnly(20_000L);
        assertThat(ballots.respondedHouseholds(doorAccess.id())).hasSize(8);
        assertThat(handrail.title()).isEqualTo("8号楼楼道加装扶手，您是否同意？");
        assertThat(groupName(handrail)).isEqualTo("8号楼邻里群");
        assertThat(rounds.roll(handrail.id())).hasSize(11);
        assertThat(ballots.respondedHouseholds(handrail.id())).hasSize(4);
    }

    @Test
    void bindsTheLandlordOf7_2_301ByOpenidBesideTheTenant() {
        Member landlord = roster.member(new ChatIdentity(IdentityKind.MP_OPENID, DemoResidents.LANDLORD_OPENID))
                .orElseThrow();

        assertThat(roster.bindings(landlord.id())).singleElement().satisfies(binding -> {
            assertThat(binding.unitLabel()).isEqualTo("7-2-301");
            assertThat(binding.role()).isEqualTo(MemberRole.LANDLORD);
        });
        Household flat = roster.household(demo().id(), "7-2-301").orElseThrow();
        assertThat(roster.bindingsOfHousehold(flat.id())).extracting(Binding::role)
                .containsExactlyInAnyOrder(MemberRole.LANDLORD, MemberRole.TENANT);
        Member owner = roster.member(new ChatIdentity(IdentityKind.WECOM_USER, DemoResidents.TWO_UNIT_OWNER))
                .orElseThrow();
        assertThat(roster.bindings(owner.id())).extracting(Binding::unitLabel)
                .containsExactlyInAnyOrder("7-1-101", "7-1-102");
    }

    @Test
    void seedingAgainAddsNothing() {
        long community = demo().id();
        int entries = audit.latestOfCommunity(community, 100_000).size();
        int openRounds = rounds.openInCommunity(community).size();
        int communities = roster.communities().size();

        boolean seeded = seeder.seed();

        assertThat(seeded).isFalse();
        assertThat(roster.communities()).hasSize(communities);
        assertThat(audit.latestOfCommunity(community, 100_000)).hasSize(entries);
        assertThat(rounds.openInCommunity(community)).hasSize(openRounds);
    }

    /** The seeded community; other tests sharing this application may add communities of their own. */
    private Community demo() {
        assertThat(roster.communities()).extracting(Community::name).containsOnlyOnce("青石巷社区");
        return roster.communities().stream().filter(c -> c.name().equals("青石巷社区")).findFirst().orElseThrow();
    }

    private String groupName(Round round) {
        return groups.find(round.chatGroupId()).orElseThrow().name();
    }
}
