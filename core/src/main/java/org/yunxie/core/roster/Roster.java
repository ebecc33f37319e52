package org.yunxie.core.roster;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.yunxie.core.shared.ReadAhead;

/** Reads the roster: who a chat identity is, and which households they may act for. */
@Service
public class Roster {

    private final CommunityMapper communities;
    private final HouseholdMapper households;
    private static final ReadAhead.Kind<ChatIdentity, Optional<BoundMember>> BOUND =
            new ReadAhead.Kind<>("bound member");

    private final MemberMapper members;
    private final ReadAhead readAhead;

    Roster(CommunityMapper communities, HouseholdMapper households, MemberMapper members, ReadAhead readAhead) {
        this.communities = communities;
        this.households = households;
        this.members = members;
        this.readAhead = readAhead;
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
        Optional<BoundMember> ahead = readAhead.kept(BOUND, identity);
        return ahead != null ? ahead : bound(members.findByIdentityWithBindings(identity));
    }

    /**
     * Who these identities are, with their bindings, read with one statement a kind of identity and kept for
     * {@link #boundMember} until the transaction running now ends ({@link ReadAhead}): messages answered together
     * read their speakers at once. Binding changes nobody while they are answered, so what is kept stays true.
     * Returns the members found; an identity found under another spelling (the database compares ids without
     * case) or not at all is not kept, and {@link #boundMember} reads it alone as before.
     */
    public Map<ChatIdentity, BoundMember> readAhead(Collection<ChatIdentity> identities) {
        Map<ChatIdentity, Optional<BoundMember>> found = new HashMap<>();
        Map<IdentityKind, List<String>> byKind = identities.stream().distinct().collect(Collectors.groupingBy(
                ChatIdentity::kind, Collectors.mapping(ChatIdentity::externalId, Collectors.toList())));
        byKind.forEach((kind, externalIds) -> members.findByIdentitiesWithBindings(kind, externalIds).stream()
                .collect(Collectors.groupingBy(MemberBindingRow::externalId, LinkedHashMap::new, Collectors.toList()))
                .forEach((externalId, rows) -> found.put(new ChatIdentity(kind, externalId), bound(rows))));
        found.keySet().retainAll(identities);
        readAhead.keep(BOUND, found);
        Map<ChatIdentity, BoundMember> speakers = new HashMap<>();
        found.forEach((identity, member) -> speakers.put(identity, member.orElseThrow()));
        return speakers;
    }

    private static Optional<BoundMember> bound(List<MemberBindingRow> rows) {
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
