package org.yunxie.bot.console;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.yunxie.core.account.Account;
import org.yunxie.core.account.AccountRequest;
import org.yunxie.core.account.ConsoleRole;
import org.yunxie.core.account.CreatingAccount;
import org.yunxie.core.account.IssuedPassword;
import org.yunxie.core.account.SettingUpAdministrator;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.roster.Building;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.KeepingRoster;
import org.yunxie.core.round.DraftingRound;
import org.yunxie.core.round.OpeningRound;
import org.yunxie.core.round.Round;
import org.yunxie.core.round.RoundDraft;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;

/**
 * Builds a small community of its own for a console test, through the real use cases: a street with its
 * administrator, one building of {@code households} units, a chat group, and an account of every role.
 * Names are unique, so test classes sharing the application never see each other's data.
 */
@Component
class ConsoleWorld {

    static final Actor SETUP = Actor.staff("test", "测试");

    private final KeepingRoster roster;
    private final ChatGroups groups;
    private final SettingUpAdministrator setup;
    private final CreatingAccount creating;
    private final DraftingRound drafting;
    private final OpeningRound opening;
    private final Clock clock;

    ConsoleWorld(KeepingRoster roster, ChatGroups groups, SettingUpAdministrator setup, CreatingAccount creating,
                 DraftingRound drafting, OpeningRound opening, Clock clock) {
        this.roster = roster;
        this.groups = groups;
        this.setup = setup;
        this.creating = creating;
        this.drafting = drafting;
        this.opening = opening;
        this.clock = clock;
    }

    /** A community with its own street, households and accounts of every role. */
    Place place(int households) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Community community = roster.registerCommunity("测试社区" + tag, SETUP, Channel.CONSOLE);
        Building building = roster.registerBuilding(community.id(), "1号楼", SETUP, Channel.CONSOLE);
        List<Household> units = new ArrayList<>();
        for (int i = 1; i <= households; i++) {
            units.add(roster.registerHousehold(building, "1-1-" + (100 + i), new BigDecimal("80.00")
                    .add(BigDecimal.valueOf(i)), null, SETUP, Channel.CONSOLE));
        }
        ChatGroup group = groups.register(community.id(), "1号楼群" + tag, List.of(building.id()), SETUP,
                Channel.CONSOLE);
        IssuedPassword admin = setup.create("st" + tag, "街道" + tag, "测试街道" + tag).orElseThrow();
        Map<ConsoleRole, IssuedPassword> accounts = new EnumMap<>(ConsoleRole.class);
        accounts.put(ConsoleRole.STREET_ADMIN, admin);
        for (ConsoleRole role : List.of(ConsoleRole.COMMUNITY_ADMIN, ConsoleRole.STAFF, ConsoleRole.COUNCIL,
                ConsoleRole.SUPERVISOR)) {
            accounts.put(role, creating.create(new AccountRequest(role.name().toLowerCase().substring(0, 3) + tag,
                    role + " " + tag, role, List.of(community.id())), admin.account()).orElseThrow());
        }
        return new Place(community, building, units, group, accounts);
    }

    Round openPoll(Place place, String title, boolean secret) {
        RoundDraft draft = RoundDraft.poll(place.community().id(), place.group().id(), title,
                clock.instant().plus(Duration.ofDays(3))).secrecy(secret, false).build();
        Round drafted = drafting.draft(draft, SETUP, Channel.CONSOLE).orElseThrow();
        return opening.open(drafted.id(), SETUP, Channel.CONSOLE).orElseThrow();
    }

    Round openCostShare(Place place, String title, long fen) {
        RoundDraft draft = RoundDraft.costShare(place.community().id(), place.group().id(), title,
                org.yunxie.core.costshare.ShareMode.PER_HOUSEHOLD, fen, clock.instant().plus(Duration.ofDays(3)))
                .build();
        Round drafted = drafting.draft(draft, SETUP, Channel.CONSOLE).orElseThrow();
        return opening.open(drafted.id(), SETUP, Channel.CONSOLE).orElseThrow();
    }

    record Place(Community community, Building building, List<Household> households, ChatGroup group,
                 Map<ConsoleRole, IssuedPassword> accounts) {

        IssuedPassword account(ConsoleRole role) {
            return accounts.get(role);
        }

        Account streetAdmin() {
            return accounts.get(ConsoleRole.STREET_ADMIN).account();
        }

        long id() {
            return community.id();
        }
    }
}
