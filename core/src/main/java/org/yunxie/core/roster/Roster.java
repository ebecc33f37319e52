package org.yunxie.core.roster;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/** Reads the roster: who a chat identity is, and which households they may act for. */
@Service
public class Roster {

    private final CommunityMapper communities;
    private final HouseholdMapper households;
    private final MemberMapper members;

    Roster(CommunityMapper communities, HouseholdMapper households, MemberMapper members) {
        this.communities = communities;
        this.households = households;
        this.members = members;
    }

    public Optional<Community> community(long id) {
        return communities.findById(id);
    }

    public List<Community> communities() {
        return communities.findAll();
    }

    public List<Building> buildings(long communityId) {
        return communities.findBuildings(communityId);
    }

    public Optional<Household> household(long id) {
        return households.findById(id);
    }

    public Optional<Household> household(long communityId, String unitLabel) {
        return households.findByLabel(communityId, unitLabel);
    }

    public Optional<Member> member(long id) {
        return members.findById(id);
    }

    public Optional<Member> member(ChatIdentity identity) {
        return members.findByIdentity(identity);
    }

    /** Who a chat identity is, with their bindings: one read for what every message needs to know. */
    public Optional<BoundMember> boundMember(ChatIdentity identity) {
        List<MemberBindingRow> rows = members.findByIdentityWithBindings(identity);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        MemberBindingRow first = rows.get(0);
        Member member = new Member(first.memberId(), first.displayName(), first.createdAt());
        List<Binding> bindings = rows.stream().filter(row -> row.householdId() != null)
                .map(row -> new Binding(row.householdId(), row.memberId(), row.role(), row.boundAt(),
                        row.communityId(), row.unitLabel()))
                .toList();
        return Optional.of(new BoundMember(member, bindings));
    }

    public List<Binding> bindings(long memberId) {
        return members.findBindings(memberId);
    }

    public List<ChatIdentity> identities(long memberId) {
        return members.findIdentities(memberId);
    }

    /** The households of the given buildings, by unit label. */
    public List<Household> households(java.util.Collection<Long> buildingIds) {
        return buildingIds.isEmpty() ? List.of() : households.findByBuildings(buildingIds);
    }

    /** Bindings of members of these households reachable only through the official account. */
    public List<Binding> remoteBindings(java.util.Collection<Long> householdIds) {
        return householdIds.isEmpty() ? List.of() : members.findRemoteBindings(householdIds);
    }

    public List<Binding> bindingsOfHousehold(long householdId) {
        return members.findBindingsOfHousehold(householdId);
    }
}
