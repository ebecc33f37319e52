package org.yunxie.core.roster;

import java.math.BigDecimal;
import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;

/** Staff keep the roster: communities, buildings and their households. */
@Service
public class KeepingRoster {

    private final CommunityMapper communities;
    private final HouseholdMapper households;
    private final AuditLog audit;
    private final Clock clock;

    KeepingRoster(CommunityMapper communities, HouseholdMapper households, AuditLog audit, Clock clock) {
        this.communities = communities;
        this.households = households;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Community registerCommunity(String name, Actor actor, Channel channel) {
        NewId id = new NewId();
        Community community = new Community(0, name, clock.instant());
        communities.insert(community, id);
        audit.of(actor, channel).community(id.value()).record("community.registered", name);
        return new Community(id.value(), name, community.createdAt());
    }

    @Transactional
    public Building registerBuilding(long communityId, String name, Actor actor, Channel channel) {
        NewId id = new NewId();
        Building building = new Building(0, communityId, name, clock.instant());
        communities.insertBuilding(building, id);
        audit.of(actor, channel).community(communityId).record("building.registered", name);
        return new Building(id.value(), communityId, name, building.createdAt());
    }

    /** Adds a household; {@code ineligibleReason} is null for a unit that takes part (e.g. "未售" when it does not). */
    @Transactional
    public Household registerHousehold(Building building, String unitLabel, BigDecimal floorArea,
                                       String ineligibleReason, Actor actor, Channel channel) {
        if (floorArea == null || floorArea.signum() <= 0 || floorArea.scale() > 2) {
            throw new IllegalArgumentException("floor area must be positive, in m² with at most two decimals: "
                    + floorArea);
        }
        NewId id = new NewId();
        Household household = new Household(0, building.communityId(), building.id(), unitLabel,
                floorArea, ineligibleReason, clock.instant());
        households.insert(household, id);
        audit.of(actor, channel).community(building.communityId()).household(id.value())
                .record("household.registered", unitLabel + " " + floorArea.toPlainString() + "㎡"
                        + (ineligibleReason == null ? "" : " (" + ineligibleReason + ")"));
        return new Household(id.value(), household.communityId(), household.buildingId(), unitLabel,
                floorArea, ineligibleReason, household.createdAt());
    }
}
