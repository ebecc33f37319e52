package org.yunxie.core.group;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yunxie.core.shared.NewId;

@Mapper
interface ChatGroupMapper {

    void insert(@Param("row") ChatGroup row, @Param("id") NewId id);

    void insertBuilding(@Param("groupId") long groupId, @Param("buildingId") long buildingId);

    Optional<ChatGroup> findById(@Param("id") long id);

    List<ChatGroup> findByCommunity(@Param("communityId") long communityId);

    List<Long> findBuildingIds(@Param("groupId") long groupId);

    Optional<ChatGroup> findByWecomChatId(@Param("wecomChatId") String wecomChatId);

    List<ChatGroup> findByWecomChatIds(@Param("wecomChatIds") List<String> wecomChatIds);

    void connect(@Param("id") long id, @Param("wecomChatId") String wecomChatId, @Param("postVia") PostVia postVia,
                 @Param("robotWebhookKey") String robotWebhookKey);
}
