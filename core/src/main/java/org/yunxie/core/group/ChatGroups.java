package org.yunxie.core.group;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;

/** Registers chat groups, binds them to buildings and finds them again. */
@Service
public class ChatGroups {

    private final ChatGroupMapper mapper;
    private final AuditLog audit;
    private final Clock clock;

    ChatGroups(ChatGroupMapper mapper, AuditLog audit, Clock clock) {
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public ChatGroup register(long communityId, String name, List<Long> buildingIds, Actor actor, Channel channel) {
        if (buildingIds.isEmpty()) {
            throw new IllegalArgumentException("a chat group is bound to at least one building");
        }
        NewId id = new NewId();
        ChatGroup group = new ChatGroup(0, communityId, name, clock.instant(), null, PostVia.NONE, null);
        mapper.insert(group, id);
        buildingIds.forEach(building -> mapper.insertBuilding(id.value(), building));
        audit.of(actor, channel).community(communityId)
                .record("group.registered", name + " buildings=" + buildingIds);
        return mapper.findById(id.value()).orElseThrow();
    }

    /** Connects the group to WeCom: the chat id messages arrive with, and how announcements are posted. */
    @Transactional
    public ChatGroup connect(long groupId, String wecomChatId, PostVia postVia, String robotWebhookKey, Actor actor,
                             Channel channel) {
        ChatGroup group = mapper.findById(groupId).orElseThrow();
        mapper.connect(groupId, wecomChatId, postVia, robotWebhookKey);
        audit.of(actor, channel).community(group.communityId())
                .record("group.connected", group.name() + " chat=" + wecomChatId + " via " + postVia);
        return mapper.findById(groupId).orElseThrow();
    }

    public Optional<ChatGroup> findByWecomChatId(String wecomChatId) {
        return mapper.findByWecomChatId(wecomChatId);
    }

    public Optional<ChatGroup> find(long id) {
        return mapper.findById(id);
    }

    public List<ChatGroup> ofCommunity(long communityId) {
        return mapper.findByCommunity(communityId);
    }

    public List<Long> buildingIds(long groupId) {
        return mapper.findBuildingIds(groupId);
    }
}
