package org.yunxie.bot.demo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.roster.Building;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.KeepingRoster;
import org.yunxie.core.shared.Channel;

/**
 * Registers the demo community as staff would: 7号楼 (4 units × 6 floors × 2 rooms = 48 households) and
 * 8号楼 (2 units × 6 floors × 1 room = 12, one of them unsold), each with its own chat group. Labels read
 * building-unit-room (7-2-301: building 7, unit 2, room 01 on floor 3).
 */
@Component
@WithDemoData
class DemoRoster {

    static final String UNSOLD = "8-2-601";
    private static final BigDecimal SMALLEST = new BigDecimal("68.40");
    private static final BigDecimal STEP = new BigDecimal("3.65");

    private final KeepingRoster roster;
    private final ChatGroups groups;

    DemoRoster(KeepingRoster roster, ChatGroups groups) {
        this.roster = roster;
        this.groups = groups;
    }

    DemoPlace register() {
        Community community = roster.registerCommunity(DemoPlace.COMMUNITY, DemoPlace.STAFF, Channel.CONSOLE);
        Map<String, Household> households = new LinkedHashMap<>();
        Building seven = building(community, 7, 4, 2, households);
        Building eight = building(community, 8, 2, 1, households);
        ChatGroup group7 = groups.register(community.id(), "7号楼业主群", List.of(seven.id()), DemoPlace.STAFF,
                Channel.CONSOLE);
        ChatGroup group8 = groups.register(community.id(), "8号楼邻里群", List.of(eight.id()), DemoPlace.STAFF,
                Channel.CONSOLE);
        return new DemoPlace(community, households, group7, group8);
    }

    private Building building(Community community, int number, int units, int roomsPerFloor,
                              Map<String, Household> households) {
        Building building = roster.registerBuilding(community.id(), number + "号楼", DemoPlace.STAFF, Channel.CONSOLE);
        for (int unit = 1; unit <= units; unit++) {
            for (int floor = 1; floor <= 6; floor++) {
                for (int room = 1; room <= roomsPerFloor; room++) {
                    String label = number + "-" + unit + "-" + (floor * 100 + room);
                    households.put(label, roster.registerHousehold(building, label, area(unit, floor, room),
                            label.equals(UNSOLD) ? "未售" : null, DemoPlace.STAFF, Channel.CONSOLE));
                }
            }
        }
        return building;
    }

    /** Varied but repeatable floor areas between 68.40 and 126.80 m². */
    static BigDecimal area(int unit, int floor, int room) {
        int step = (unit * 5 + floor * 3 + room * 7) % 17;
        return SMALLEST.add(STEP.multiply(BigDecimal.valueOf(step)));
    }
}
