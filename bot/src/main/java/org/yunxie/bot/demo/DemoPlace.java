package org.yunxie.bot.demo;

import java.util.Map;

import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.Household;
import org.yunxie.core.shared.Actor;

/** The demo community as seeded: its households by unit label and the chat group of each building. */
record DemoPlace(Community community, Map<String, Household> households, ChatGroup group7, ChatGroup group8) {

    static final String COMMUNITY = "青石巷社区";

    /** Who the seeded rows say entered them, as a staff member would through the console. */
    static final Actor STAFF = Actor.staff("demo", "社工（演示数据）");

    Household household(String unitLabel) {
        Household household = households.get(unitLabel);
        if (household == null) {
            throw new IllegalArgumentException("no demo household " + unitLabel);
        }
        return household;
    }
}
