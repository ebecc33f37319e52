package org.yunxie.core.roster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.Fixtures.Neighbourhood;

/** Who a chat identity is, as every message asks it. */
@SpringBootTest
class RosterTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    Roster roster;

    @Test
    void aMemberIsFoundWithEveryHouseholdTheyAreBoundToByUnitLabel() {
        Neighbourhood place = fixtures.building("88.50", "92.00", "75.00");
        ChatIdentity identity = Fixtures.newIdentity();
        fixtures.bind(identity, place.household(2), MemberRole.OWNER);
        fixtures.bind(identity, place.household(0), MemberRole.TENANT);

        BoundMember found = roster.boundMember(identity).orElseThrow();

        assertThat(found.member()).isEqualTo(roster.member(identity).orElseThrow());
        assertThat(found.bindings()).isEqualTo(roster.bindings(found.member().id()));
        assertThat(found.bindings()).extracting(Binding::unitLabel).containsExactly("7-1-101", "7-1-103");
        assertThat(found.bindings()).extracting(Binding::role).containsExactly(MemberRole.TENANT, MemberRole.OWNER);
        assertThat(found.bindings()).extracting(Binding::communityId).containsOnly(place.community().id());
    }

    @Test
    void anIdentityNobodyHasIsNotFound() {
        assertThat(roster.boundMember(Fixtures.newIdentity())).isEmpty();
    }
}
