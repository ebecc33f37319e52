package org.yunxie.core.staff;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;

/** Who is staff where: registered by an administrator, looked up by the chat channels. */
@Service
public class StaffDirectory {

    private final StaffMapper mapper;
    private final AuditLog audit;
    private final Clock clock;

    StaffDirectory(StaffMapper mapper, AuditLog audit, Clock clock) {
        this.mapper = mapper;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Staff register(long communityId, String displayName, StaffRole role, String wecomUserid, Actor actor,
                          Channel channel) {
        NewId id = new NewId();
        Staff staff = new Staff(0, communityId, displayName, role, wecomUserid, clock.instant());
        mapper.insert(staff, id);
        audit.of(actor, channel).community(communityId).record("staff.registered", displayName + " " + role);
        return new Staff(id.value(), communityId, displayName, role, wecomUserid, staff.createdAt());
    }

    public Optional<Staff> inCommunity(long communityId, String wecomUserid) {
        return mapper.findInCommunity(communityId, wecomUserid);
    }

    /** Every community where this WeCom user is staff. */
    public List<Staff> byWecomUserid(String wecomUserid) {
        return mapper.findByWecomUserid(wecomUserid);
    }

    public List<Staff> ofCommunity(long communityId) {
        return mapper.findByCommunity(communityId);
    }
}
