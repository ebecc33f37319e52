package org.yunxie.bot.h5;

import java.time.Duration;
import java.util.List;

import org.springframework.stereotype.Component;
import org.yunxie.bot.text.Wording;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.round.Rounds;

/** A group's page: its open rounds, each with a signed link of its own. */
@Component
class GroupPage {

    /** Links to a round stay good a week past its deadline, so residents can read the outcome. */
    static final Duration AFTER_DEADLINE = Duration.ofDays(7);

    record Entry(int number, String kind, String title, String deadline, String link) {
    }

    record View(String name, List<Entry> rounds) {
    }

    private final ChatGroups groups;
    private final Rounds rounds;
    private final SignedLinks links;
    private final Wording wording;

    GroupPage(ChatGroups groups, Rounds rounds, SignedLinks links, Wording wording) {
        this.groups = groups;
        this.rounds = rounds;
        this.links = links;
        this.wording = wording;
    }

    View of(long groupId) {
        String name = groups.find(groupId).map(group -> group.name()).orElse("");
        List<Entry> entries = rounds.openInGroup(groupId).stream()
                .map(round -> new Entry(round.number(), wording.label("kind", round.kind()), round.title(),
                        wording.time(round.closingAt()), links.path(SignedLinks.Target.ROUND, round.id(),
                        round.closingAt().plus(AFTER_DEADLINE))))
                .toList();
        return new View(name, entries);
    }
}
