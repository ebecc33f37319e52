package org.yunxie.bot.command;

import java.util.List;
import java.util.Optional;

import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.roster.Binding;
import org.yunxie.core.roster.Member;
import org.yunxie.core.staff.Staff;

/**
 * Who a sender is to Yunxie, as far as known: a member with their bindings, staff of the community, the
 * group the message came from, and the community it is about (from the group, else the bindings).
 */
public record Speaker(Member member, List<Binding> bindings, Staff staff, ChatGroup group, Long communityId) {

    public Speaker {
        bindings = List.copyOf(bindings);
    }

    public Optional<Member> asMember() {
        return Optional.ofNullable(member);
    }

    public boolean runsRounds() {
        return staff != null && staff.role().runsRounds();
    }

    /** The bindings in the community the message is about. */
    public List<Binding> bindingsHere() {
        return communityId == null ? bindings
                : bindings.stream().filter(binding -> binding.communityId() == communityId).toList();
    }
}
