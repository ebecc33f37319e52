package org.yunxie.bot.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.roster.ChatIdentity;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.IdentityKind;
import org.yunxie.core.roster.Member;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.staff.Staff;
import org.yunxie.core.staff.StaffDirectory;

/** Who the sandbox can speak as: the groups connected to WeCom and, per group, its members and staff. */
@Component
@SandboxEnabled
class SandboxDirectory {

    record Person(String userid, String name, String units, boolean staff) {
    }

    record Group(long id, String name, String chatId, List<Person> people) {
    }

    private final Roster roster;
    private final ChatGroups groups;
    private final StaffDirectory staff;

    SandboxDirectory(Roster roster, ChatGroups groups, StaffDirectory staff) {
        this.roster = roster;
        this.groups = groups;
        this.staff = staff;
    }

    List<Group> groups() {
        List<Group> all = new ArrayList<>();
        for (Community community : roster.communities()) {
            for (ChatGroup group : groups.ofCommunity(community.id())) {
                if (group.wecomChatId() != null) {
                    all.add(new Group(group.id(), group.name(), group.wecomChatId(), people(group)));
                }
            }
        }
        return all;
    }

    /** People known to the official account: members with an openid, and what they are bound to. */
    List<Person> weChatUsers() {
        Map<String, Person> people = new LinkedHashMap<>();
        for (Community community : roster.communities()) {
            for (ChatGroup group : groups.ofCommunity(community.id())) {
                for (Household household : roster.households(groups.buildingIds(group.id()))) {
                    for (Binding binding : roster.bindingsOfHousehold(household.id())) {
                        Member member = roster.member(binding.memberId()).orElseThrow();
                        roster.identities(member.id()).stream().filter(id -> id.kind() == IdentityKind.MP_OPENID)
                                .map(ChatIdentity::externalId).findFirst()
                                .ifPresent(openid -> people.putIfAbsent(openid,
                                        new Person(openid, member.displayName(), household.unitLabel(), false)));
                    }
                }
            }
        }
        return List.copyOf(people.values());
    }

    Optional<ChatGroup> byChatId(String chatId) {
        return groups.findByWecomChatId(chatId);
    }

    Optional<ChatGroup> byWebhookKey(String key) {
        return roster.communities().stream().flatMap(community -> groups.ofCommunity(community.id()).stream())
                .filter(group -> key.equals(group.robotWebhookKey())).findFirst();
    }

    /** Residents first (the page picks the first as speaker), then staff. */
    private List<Person> people(ChatGroup group) {
        Map<String, Person> people = new LinkedHashMap<>();
        for (Household household : roster.households(groups.buildingIds(group.id()))) {
            for (Binding binding : roster.bindingsOfHousehold(household.id())) {
                Member member = roster.member(binding.memberId()).orElseThrow();
                roster.identities(member.id()).stream().filter(id -> id.kind() == IdentityKind.WECOM_USER)
                        .map(ChatIdentity::externalId).findFirst()
                        .ifPresent(userid -> people.merge(userid,
                                new Person(userid, member.displayName(), household.unitLabel(), false),
                                (known, more) -> new Person(known.userid(), known.name(),
                                        known.units().isEmpty() ? more.units() : known.units() + "、" + more.units(),
                                        known.staff())));
            }
        }
        for (Staff person : staff.ofCommunity(group.communityId())) {
            if (person.wecomUserid() != null) {
                people.putIfAbsent(person.wecomUserid(),
                        new Person(person.wecomUserid(), person.displayName(), "", true));
            }
        }
        return List.copyOf(people.values());
    }
}
