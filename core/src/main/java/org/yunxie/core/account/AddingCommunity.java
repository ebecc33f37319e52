package org.yunxie.core.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yunxie.core.roster.Community;
import org.yunxie.core.roster.KeepingRoster;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.RefusalReason;
import org.yunxie.core.shared.Result;

/** A street administrator adds a community to its street; its buildings come with the roster. */
@Service
public class AddingCommunity {

    private final KeepingRoster roster;
    private final AccountMapper mapper;

    AddingCommunity(KeepingRoster roster, AccountMapper mapper) {
        this.roster = roster;
        this.mapper = mapper;
    }

    @Transactional
    public Result<Community> add(String name, Account streetAdmin) {
        if (streetAdmin.role() != ConsoleRole.STREET_ADMIN || streetAdmin.streetId() == null
                || !streetAdmin.enabled()) {
            return Result.refused(RefusalReason.ROLE_NOT_ALLOWED, ConsoleRole.STREET_ADMIN);
        }
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            return Result.refused(RefusalReason.NAME_MISSING);
        }
        Community community = roster.registerCommunity(name.strip(), streetAdmin.actor(), Channel.CONSOLE);
        mapper.attachToStreet(community.id(), streetAdmin.streetId());
        return Result.done(community);
    }
}
