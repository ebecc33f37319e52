package org.yunxie.bot.h5;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;
import org.yunxie.bot.command.Command;
import org.yunxie.bot.command.Invocation;
import org.yunxie.bot.command.Replies;
import org.yunxie.bot.command.Reply;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;

/**
 * "#链接 12": the signed link to round 12's page, to paste into a personal-WeChat group or send a landlord;
 * "#链接" in a group: the link to the group's page of open rounds. The link grants nothing by itself: a
 * person still binds a home with a code before acting for it.
 */
@Component
class LinkCommand implements Command {

    static final Duration GROUP_LINK_VALID = Duration.ofDays(90);

    private final Rounds rounds;
    private final SignedLinks links;
    private final PublicAddress address;
    private final Replies replies;
    private final Clock clock;

    LinkCommand(Rounds rounds, SignedLinks links, PublicAddress address, Replies replies, Clock clock) {
        this.rounds = rounds;
        this.links = links;
        this.address = address;
        this.replies = replies;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "链接";
    }

    @Override
    public List<String> aliases() {
        return List.of("link", "网页");
    }

    @Override
    public String usageKey() {
        return "usage.link";
    }

    @Override
    public Reply run(Invocation invocation) {
        Integer number = invocation.line().round();
        Long community = invocation.speaker().communityId();
        if (number == null) {
            if (invocation.speaker().group() == null) {
                return replies.text("usage.link");
            }
            var until = clock.instant().plus(GROUP_LINK_VALID);
            return replies.text("link.group", address.url() + links.path(SignedLinks.Target.GROUP,
                    invocation.speaker().group().id(), until), replies.wording().time(until));
        }
        Round round = community == null ? null : rounds.findByNumber(community, number).orElse(null);
        if (round == null) {
            return replies.text("usage.link");
        }
        var until = round.closingAt().plus(GroupPage.AFTER_DEADLINE);
        return replies.text("link.round", round.number(), address.url() + links.path(SignedLinks.Target.ROUND,
                round.id(), until), replies.wording().time(until));
    }
}
