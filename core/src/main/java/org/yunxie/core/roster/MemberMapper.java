package org.yunxie.core.roster;

import java.util.List;
import java.util.Optional;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.yunxie.core.shared.NewId;

/** Members with their chat identities and household bindings. */
@Mapper
public interface MemberMapper {

    void insert(@Param("row") Member row, @Param("id") NewId id);

    void insertIdentity(@Param("memberId") long memberId, @Param("identity") ChatIdentity identity,
                        @Param("createdAt") java.time.Instant createdAt);

    void insertBinding(@Param("householdId") long householdId, @Param("memberId") long memberId,
                       @Param("role") MemberRole role, @Param("bindingCodeId") Long bindingCodeId,
                       @Param("boundAt") java.time.Instant boundAt);

    Optional<Member> findById(@Param("id") long id);

    Optional<Member> findByIdentity(@Param("identity") ChatIdentity identity);

    List<MemberBindingRow> findByIdentityWithBindings(@Param("identity") ChatIdentity identity);

    /** As {@link #findByIdentityWithBindings} for several identities of one kind, the rows of each together. */
    List<MemberBindingRow> findByIdentitiesWithBindings(@Param("kind") IdentityKind kind,
                                                        @Param("externalIds") List<String> externalIds);

    List<ChatIdentity> findIdentities(@Param("memberId") long memberId);

    List<Binding> findBindings(@Param("memberId") long memberId);

    List<Binding> findBindingsOfHousehold(@Param("householdId") long householdId);

    /**
     * Members of the households who can be reached only through the official account: an openid and no
     * WeCom userid, so they are in none of the WeCom groups (typically landlords living elsewhere).
     */
    List<Binding> findRemoteBindings(@Param("householdIds") java.util.Collection<Long> householdIds);
}
