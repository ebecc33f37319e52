package org.yunxie.core.group;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;

/**
 * Registers chat groups, binds them to buildings and finds them again. Every message asks which group its
 * chat is, so a group found by its chat id is kept per instance for {@link #KEEP_FOUND}: a chat connected
 * anew is found at once everywhere (what is not found is not kept), and a connection changed on another
 * instance is seen here within that time.
 */
@Service
public class ChatGroups {

    static final Duration KEEP_FOUND = Duration.ofSeconds(60);
    /** A district has some 10,000 groups; past this many the kept ones are all dropped. */
    private static final int MAX_KEPT = 20_000;

    private final ChatGroupMapper mapper;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<String, Found> foundByChatId = new ConcurrentHashMap<>();

    private record Found(ChatGroup group, Instant until) {
    }

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
        forgetFound();
        audit.of(actor, channel).community(group.communityId())
                .record("group.connected", group.name() + " chat=" + wecomChatId + " via " + postVia);
        return mapper.findById(groupId).orElseThrow();
    }

    public Optional<ChatGroup> findByWecomChatId(String wecomChatId) {
        Instant now = clock.instant();
        Found kept = foundByChatId.get(wecomChatId);
        if (kept != null && now.isBefore(kept.until())) {
            return Optional.of(kept.group());
        }
        Optional<ChatGroup> found = mapper.findByWecomChatId(wecomChatId);
        if (found.isPresent()) {
            keep(wecomChatId, found.get(), now);
        } else if (kept != null) {
            foundByChatId.remove(wecomChatId, kept);
        }
        return found;
    }

    /**
     * For messages answered together: finds the groups of those of these chats not kept with one statement, and
     * keeps them as {@link #findByWecomChatId} does, which then finds each kept.
     */
    public void findAhead(Collection<String> wecomChatIds) {
        Instant now = clock.instant();
        List<String> missing = wecomChatIds.stream().filter(Objects::nonNull).distinct().filter(chatId -> {
            Found kept = foundByChatId.get(chatId);
            return kept == null || !now.isBefore(kept.until());
        }).toList();
        if (missing.size() > 1) {
            mapper.findByWecomChatIds(missing).forEach(group -> keep(group.wecomChatId(), group, now));
        }
    }

    private void keep(String wecomChatId, ChatGroup group, Instant now) {
        if (foundByChatId.size() >= MAX_KEPT) {
            foundByChatId.clear();
        }
        foundByChatId.put(wecomChatId, new Found(group, now.plus(KEEP_FOUND)));
    }

    /** Now, and once the connecting transaction has committed (a message read in between may keep the old). */
    private void forgetFound() {
        foundByChatId.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    foundByChatId.clear();
                }
            });
        }
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
