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
        ChatGroup group = new ChatGroup(0, communityId, name, clock.instant());
        mapper.insert(group, id);
        buildingIds.forEach(building -> mapper.insertBuilding(id.value(), building));
        audit.of(actor, channel).community(communityId)
                .record("group.registered", name + " buildings=" + buildingIds);
        return new ChatGroup(id.value(), communityId, name, group.createdAt());
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
