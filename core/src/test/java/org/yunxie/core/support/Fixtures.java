package org.yunxie.core.support;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.roster.BindingCode;
import org.yunxie.core.roster.BindingMember;
import org.yunxie.core.roster.Building;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.roster.IssuingBindingCode;
import org.yunxie.core.roster.KeepingRoster;
import org.yunxie.core.roster.MemberRole;
import org.yunxie.core.round.DraftingRound;
import org.yunxie.core.round.OpeningRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;

/**
 * Builds fresh roster data through the real use cases. Every call makes its own community, so tests never
 * see each other's rows, also on a shared real database.
 */
@Component
public class Fixtures {

    public static final Actor STAFF = Actor.staff("s1", "社工 李娟");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final KeepingRoster roster;
    private final ChatGroups groups;
    private final IssuingBindingCode issuing;
    private final BindingMember binding;
    private final DraftingRound drafting;
    private final OpeningRound opening;
    private final MutableClock clock;

    Fixtures(KeepingRoster roster, ChatGroups groups, IssuingBindingCode issuing, BindingMember binding,
             DraftingRound drafting, OpeningRound opening, MutableClock clock) {
        this.roster = roster;
        this.groups = groups;
        this.issuing = issuing;
        this.binding = binding;
        this.drafting = drafting;
        this.opening = opening;
        this.clock = clock;
    }

    /** A community with one building, 7号楼, whose households have the given areas (7-1-101, 7-1-102 ...). */
    public Neighbourhood building(String... areas) {
        Community community = roster.registerCommunity("测试社区-" + SEQUENCE.incrementAndGet(), STAFF, Channel.CONSOLE);
        Building building = roster.registerBuilding(community.id(), "7号楼", STAFF, Channel.CONSOLE);
        List<Household> households = new ArrayList<>();
        for (int i = 0; i < areas.length; i++) {
            households.add(roster.registerHousehold(building, "7-1-" + (101 + i), new BigDecimal(areas[i]), null,
                    STAFF, Channel.CONSOLE));
        }
        ChatGroup group = groups.register(community.id(), "7号楼业主群", List.of(building.id()), STAFF, Channel.CONSOLE);
        return new Neighbourhood(community, building, group, households);
    }

    public Household addHousehold(Neighbourhood place, String label, String area, String ineligibleReason) {
        return roster.registerHousehold(place.building(), label, new BigDecimal(area), ineligibleReason, STAFF,
                Channel.CONSOLE);
    }

    public BindingCode code(Household household, MemberRole role) {
        return issuing.issue(household.id(), role, Duration.ofDays(7), STAFF, Channel.CONSOLE).orElseThrow();
    }

    /** A new person bound to the household through a binding code; returns the member id. */
    public long member(Household household, MemberRole role) {
        return bind(newIdentity(), household, role);
    }

    /** Binds an existing identity (so one member can hold several households). */
    public long bind(ChatIdentity identity, Household household, MemberRole role) {
        return binding.bind(identity, "居民" + household.unitLabel(), code(household, role).code(), Channel.WECOM_APP)
                .orElseThrow().memberId();
    }

    public static ChatIdentity newIdentity() {
        return new ChatIdentity(IdentityKind.WECOM_USER, "u-" + UUID.randomUUID());
    }

    public Round open(RoundDraft.Builder draft) {
        Round drafted = drafting.draft(draft.build(), STAFF, Channel.CONSOLE).orElseThrow();
        return opening.open(drafted.id(), STAFF, Channel.CONSOLE).orElseThrow();
    }

    /** An open poll in the neighbourhood's group, closing in a day. */
    public Round openPoll(Neighbourhood place, String title) {
        return open(RoundDraft.poll(place.community().id(), place.group().id(), title, inADay()));
    }

    public java.time.Instant inADay() {
        return clock.instant().plus(Duration.ofDays(1));
    }

    public record Neighbourhood(Community community, Building building, ChatGroup group, List<Household> households) {

        public Household household(int index) {
            return households.get(index);
        }
    }
}
