package org.yunxie.bot.demo;

import org.springframework.stereotype.Component;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.group.PostVia;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.staff.StaffDirectory;
import org.yunxie.core.staff.StaffRole;

/**
 * Connects the demo groups to WeCom as the sandbox plays it (a chat id for the smart robot, a group robot
 * webhook for announcements) and registers the demo community's staff with their WeCom userids.
 */
@Component
@WithDemoData
class DemoChannels {

    static final String STAFF_USERID = "demo.lijuan";
    static final String ADMIN_USERID = "demo.wangli";

    private final ChatGroups groups;
    private final StaffDirectory staff;

    DemoChannels(ChatGroups groups, StaffDirectory staff) {
        this.groups = groups;
        this.staff = staff;
    }

    void connect(DemoPlace place) {
        groups.connect(place.group7().id(), "wrSandboxBuilding7", PostVia.ROBOT_WEBHOOK, "sandbox-robot-building7",
                DemoPlace.STAFF, Channel.CONSOLE);
        groups.connect(place.group8().id(), "wrSandboxBuilding8", PostVia.ROBOT_WEBHOOK, "sandbox-robot-building8",
                DemoPlace.STAFF, Channel.CONSOLE);
        staff.register(place.community().id(), "社工李娟", StaffRole.STAFF, STAFF_USERID, DemoPlace.STAFF,
                Channel.CONSOLE);
        staff.register(place.community().id(), "王丽主任", StaffRole.COMMUNITY_ADMIN, ADMIN_USERID, DemoPlace.STAFF,
                Channel.CONSOLE);
    }
}
