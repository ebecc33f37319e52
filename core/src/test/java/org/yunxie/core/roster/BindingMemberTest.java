package org.yunxie.core.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;
import org.yunxie.core.support.Fixtures;
import org.yunxie.core.support.MutableClock;

@SpringBootTest
class BindingMemberTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    BindingMember binding;
    @Autowired
    Roster roster;
    @Autowired
    MutableClock clock;

    @Test
    void aResidentWithAValidCodeIsBoundToTheHouseholdWithTheCodesRole() {
        Household household = fixtures.building("88.50").household(0);
        BindingCode code = fixtures.code(household, MemberRole.TENANT);
        ChatIdentity identity = Fixtures.newIdentity();

        Binding bound = binding.bind(identity, "王阿姨", code.code(), Channel.WECOM_APP).orElseThrow();

        assertThat(bound.unitLabel()).isEqualTo("7-1-101");
        assertThat(bound.role()).isEqualTo(MemberRole.TENANT);
        Member member = roster.member(identity).orElseThrow();
        assertThat(member.displayName()).isEqualTo("王阿姨");
        assertThat(roster.bindings(member.id())).extracting(Binding::householdId).containsExactly(household.id());
    }

    @Test
    void aCodeWorksOnlyOnce() {
        Household household = fixtures.building("88.50").household(0);
        BindingCode code = fixtures.code(household, MemberRole.OWNER);
        binding.bind(Fixtures.newIdentity(), "张先生", code.code(), Channel.WECOM_APP).orElseThrow();

        ChatIdentity stranger = Fixtures.newIdentity();
        Result<Binding> second = binding.bind(stranger, "路人", code.code(), Channel.WECOM_APP);

        assertThat(second).isEqualTo(Result.refused(RefusalReason.CODE_USED));
        assertThat(roster.member(stranger)).isEmpty();
    }

    @Test
    void aWrongCodeBindsNothingAndCreatesNoMember() {
        fixtures.building("88.50");
        ChatIdentity identity = Fixtures.newIdentity();

        Result<Binding> result = binding.bind(identity, "李大爷", "00000000", Channel.WECOM_APP);

        assertThat(result).isEqualTo(Result.refused(RefusalReason.CODE_UNKNOWN));
        assertThat(roster.member(identity)).isEmpty();
    }

    @Test
    void anExpiredCodeIsRefused() {
        Household household = fixtures.building("88.50").household(0);
        BindingCode code = fixtures.code(household, MemberRole.OWNER);
        clock.advance(Duration.ofDays(7));

        Result<Binding> result = binding.bind(Fixtures.newIdentity(), "赵女士", code.code(), Channel.WECOM_APP);

        assertThat(result).isEqualTo(Result.refused(RefusalReason.CODE_EXPIRED));
    }

    @Test
    void bindingTwiceToTheSameHouseholdIsRefusedAndLeavesTheSecondCodeUnused() {
        Household household = fixtures.building("88.50").household(0);
        ChatIdentity identity = Fixtures.newIdentity();
        fixtures.bind(identity, household, MemberRole.OWNER);
        BindingCode another = fixtures.code(household, MemberRole.FAMILY);

        Result<Binding> again = binding.bind(identity, "王阿姨", another.code(), Channel.WECOM_APP);

        assertThat(again).isEqualTo(Result.refused(RefusalReason.ALREADY_BOUND, "7-1-101"));
        assertThat(binding.bind(Fixtures.newIdentity(), "家属", another.code(), Channel.WECOM_APP).isDone()).isTrue();
    }

    @Test
    void oneMemberCanBeBoundToSeveralHouseholds() {
        Fixtures.Neighbourhood place = fixtures.building("88.50", "90.00");
        ChatIdentity owner = Fixtures.newIdentity();
        long first = fixtures.bind(owner, place.household(0), MemberRole.OWNER);
        long second = fixtures.bind(owner, place.household(1), MemberRole.LANDLORD);

        assertThat(second).isEqualTo(first);
        assertThat(roster.bindings(first)).extracting(Binding::unitLabel).containsExactly("7-1-101", "7-1-102");
    }
}
