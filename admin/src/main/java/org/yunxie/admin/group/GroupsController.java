package org.yunxie.admin.group;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.yunxie.admin.web.ConsoleText;
import org.yunxie.admin.web.CurrentAccount;
import org.yunxie.admin.web.Requires;
import org.yunxie.admin.web.Scoped;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Capability;
import org.yunxie.core.group.ChatGroup;
import org.yunxie.core.group.ChatGroups;
import org.yunxie.core.group.PostVia;
import org.yunxie.core.roster.Building;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.staff.StaffDirectory;
import org.yunxie.core.staff.StaffRole;

/**
 * The community's chat groups: which buildings each serves and how the bot posts there (a group robot's
 * webhook key, never shown back in full, or app chat); and the staff known by their WeCom userids, who may
 * use the staff commands in the groups.
 */
@Controller
@WithConsole
@RequestMapping("/admin/c/{communityId}/groups")
class GroupsController {

    private final ChatGroups groups;
    private final Roster roster;
    private final StaffDirectory staff;
    private final Scoped scoped;
    private final CurrentAccount current;
    private final ConsoleText text;

    GroupsController(ChatGroups groups, Roster roster, StaffDirectory staff, Scoped scoped, CurrentAccount current,
                     ConsoleText text) {
        this.groups = groups;
        this.roster = roster;
        this.staff = staff;
        this.scoped = scoped;
        this.current = current;
        this.text = text;
    }

    @GetMapping
    String list(@PathVariable long communityId, Model model) {
        List<ChatGroup> all = groups.ofCommunity(communityId);
        Map<Long, String> buildingNames = roster.buildings(communityId).stream()
                .collect(Collectors.toMap(Building::id, Building::name));
        model.addAttribute("groups", all);
        model.addAttribute("buildingsOf", all.stream().collect(Collectors.toMap(ChatGroup::id, group ->
                groups.buildingIds(group.id()).stream().map(id -> buildingNames.getOrDefault(id, "?"))
                        .collect(Collectors.joining("、")))));
        model.addAttribute("keys", all.stream().collect(Collectors.toMap(ChatGroup::id,
                group -> masked(group.robotWebhookKey()))));
        model.addAttribute("buildings", roster.buildings(communityId));
        model.addAttribute("staff", staff.ofCommunity(communityId));
        return "admin/groups";
    }

    @PostMapping
    @Requires(Capability.KEEP_GROUPS)
    String register(@PathVariable long communityId, @RequestParam String name,
                    @RequestParam(required = false) List<Long> buildings, HttpServletRequest request,
                    RedirectAttributes flash) {
        List<Long> chosen = buildings == null ? List.of() : buildings;
        chosen.forEach(id -> scoped.building(communityId, id));
        if (name.isBlank() || chosen.isEmpty()) {
            flash.addFlashAttribute("problem", text.text("console.groups.incomplete"));
        } else {
            groups.register(communityId, name.strip(), chosen, current.of(request).actor(), Channel.CONSOLE);
            flash.addFlashAttribute("notice", text.text("console.groups.registered", name.strip()));
        }
        return back(communityId);
    }

    @PostMapping("/{groupId}/connect")
    @Requires(Capability.KEEP_GROUPS)
    String connect(@PathVariable long communityId, @PathVariable long groupId, @RequestParam String chatId,
                   @RequestParam PostVia postVia, @RequestParam(required = false) String webhookKey,
                   HttpServletRequest request, RedirectAttributes flash) {
        ChatGroup group = scoped.group(communityId, groupId);
        // An empty key field keeps the stored key: it is never sent to the page, so it cannot be sent back.
        String key = postVia != PostVia.ROBOT_WEBHOOK ? null
                : webhookKey == null || webhookKey.isBlank() ? group.robotWebhookKey() : webhookKey.strip();
        if (postVia == PostVia.ROBOT_WEBHOOK && key == null) {
            flash.addFlashAttribute("problem", text.text("console.groups.key-missing"));
            return back(communityId);
        }
        try {
            groups.connect(groupId, chatId.isBlank() ? null : chatId.strip(), postVia, key,
                    current.of(request).actor(), Channel.CONSOLE);
            flash.addFlashAttribute("notice", text.text("console.groups.connected", group.name()));
        } catch (DuplicateKeyException taken) {
            flash.addFlashAttribute("problem", text.text("console.groups.chat-taken", chatId.strip()));
        }
        return back(communityId);
    }

    @PostMapping("/staff")
    @Requires(Capability.MANAGE_ACCOUNTS)
    String registerStaff(@PathVariable long communityId, @RequestParam String displayName,
                         @RequestParam StaffRole role, @RequestParam String wecomUserid, HttpServletRequest request,
                         RedirectAttributes flash) {
        if (displayName.isBlank() || wecomUserid.isBlank()) {
            flash.addFlashAttribute("problem", text.text("console.groups.staff-incomplete"));
            return back(communityId);
        }
        try {
            staff.register(communityId, displayName.strip(), role, wecomUserid.strip(), current.of(request).actor(),
                    Channel.CONSOLE);
            flash.addFlashAttribute("notice", text.text("console.groups.staff-registered", displayName.strip()));
        } catch (DuplicateKeyException taken) {
            flash.addFlashAttribute("problem", text.text("console.groups.staff-taken", wecomUserid.strip()));
        }
        return back(communityId);
    }

    static String masked(String key) {
        if (key == null || key.isEmpty()) {
            return "";
        }
        return "••••" + (key.length() > 8 ? key.substring(key.length() - 4) : "");
    }

    private static String back(long communityId) {
        return "redirect:/admin/c/" + communityId + "/groups";
    }
}
