package org.yunxie.admin.web;

import org.springframework.stereotype.Component;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.roster.Building;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.Rounds;

/**
 * Finds a thing named in a console URL only within the community of that URL: a round of community B asked
 * for under community A's path is "not found", never shown or changed.
 */
@Component
@WithConsole
public class Scoped {

    private final Rounds rounds;
    private final Roster roster;
    private final ChatGroups groups;

    Scoped(Rounds rounds, Roster roster, ChatGroups groups) {
        this.rounds = rounds;
        this.roster = roster;
        this.groups = groups;
    }

    public Round round(long communityId, long roundId) {
        return rounds.find(roundId).filter(round -> round.communityId() == communityId).orElseThrow(NotFound::new);
    }

    public Household household(long communityId, long householdId) {
        return roster.household(householdId).filter(h -> h.communityId() == communityId).orElseThrow(NotFound::new);
    }

    public Building building(long communityId, long buildingId) {
        return roster.buildings(communityId).stream().filter(b -> b.id() == buildingId).findFirst()
                .orElseThrow(NotFound::new);
    }

    public ChatGroup group(long communityId, long groupId) {
        return groups.find(groupId).filter(group -> group.communityId() == communityId).orElseThrow(NotFound::new);
    }
}
