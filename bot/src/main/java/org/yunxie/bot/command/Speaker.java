package org.yunxie.bot.command;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.roster.Member;
import org.yunxie.core.staff.Staff;

/**
 * Who a sender is to Yunxie, as far as known: a member with their bindings, staff of the community, the
 * group the message came from, and the community it is about (from the group, else the bindings). Whether
 * the sender is staff is looked up only when a command asks: a vote does not.
 */
public final class Speaker {

    private final Member member;
    private final List<Binding> bindings;
    private final ChatGroup group;
    private final Long communityId;
    private Supplier<Staff> staffLookup;
    private Staff staff;

    Speaker(Member member, List<Binding> bindings, Supplier<Staff> staffLookup, ChatGroup group, Long communityId) {
        this.member = member;
        this.bindings = List.copyOf(bindings);
        this.staffLookup = staffLookup;
        this.group = group;
        this.communityId = communityId;
    }

    public Member member() {
        return member;
    }

    public List<Binding> bindings() {
        return bindings;
    }

    /** The sender's staff role in the community, if any; looked up on first use. */
    public Staff staff() {
        if (staffLookup != null) {
            staff = staffLookup.get();
            staffLookup = null;
        }
        return staff;
    }

    public ChatGroup group() {
        return group;
    }

    public Long communityId() {
        return communityId;
    }

    public Optional<Member> asMember() {
        return Optional.ofNullable(member);
    }

    public boolean runsRounds() {
        Staff role = staff();
        return role != null && role.role().runsRounds();
    }

    /** The bindings in the community the message is about. */
    public List<Binding> bindingsHere() {
        return communityId == null ? bindings
                : bindings.stream().filter(binding -> binding.communityId() == communityId).toList();
    }
}
