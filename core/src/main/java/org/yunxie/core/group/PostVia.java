package org.yunxie.core.group;

/** How announcements reach a group. */
public enum PostVia {
    /** The group's WeCom group robot (webhook), 20 messages a minute. */
    ROBOT_WEBHOOK,
    /** The app's own group chat (appchat), for groups the app created. */
    APP_CHAT,
    /** Not connected: announcements wait until the group is connected. */
    NONE
}
