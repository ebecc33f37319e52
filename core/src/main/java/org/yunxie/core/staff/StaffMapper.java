package org.yunxie.core.staff;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yunxie.core.shared.NewId;

@Mapper
interface StaffMapper {

    void insert(@Param("row") Staff row, @Param("id") NewId id);

    Optional<Staff> findInCommunity(@Param("communityId") long communityId, @Param("wecomUserid") String wecomUserid);

    List<Staff> findByWecomUserid(@Param("wecomUserid") String wecomUserid);

    List<Staff> findByCommunity(@Param("communityId") long communityId);
}
