package org.yunxie.core.account;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

/**
 * Reads console accounts and answers the one question every console page asks: which communities may
 * this account see. Always read fresh, so a community taken away or an account disabled counts at once.
 */
@Service
public class Accounts {

    private final AccountMapper mapper;
    private final Clock clock;

    Accounts(AccountMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public Optional<Account> byUsername(String username) {
        return username == null ? Optional.empty() : mapper.findByUsername(Usernames.normal(username));
    }

    public Optional<Account> byId(long id) {
        return mapper.findById(id);
    }

    public boolean anyExists() {
        return mapper.countAll() > 0;
    }

    /** The communities the account sees: its street's for a street administrator, else those given to it. */
    public List<Long> communityIds(Account account) {
        if (account.role() == ConsoleRole.STREET_ADMIN) {
            return account.streetId() == null ? List.of() : mapper.findStreetCommunityIds(account.streetId());
        }
        return mapper.findCommunityIds(account.id());
    }

    public boolean sees(Account account, long communityId) {
        return account.enabled() && communityIds(account).contains(communityId);
    }

    /** The accounts that share a community or the street with the viewer, for the accounts page. */
    public List<Account> relevantTo(Account viewer) {
        Long street = viewer.role() == ConsoleRole.STREET_ADMIN ? viewer.streetId() : null;
        return mapper.findRelevant(communityIds(viewer), street);
    }

    /** Communities given to the account itself (empty for street administrators). */
    public List<Long> givenCommunityIds(long accountId) {
        return mapper.findCommunityIds(accountId);
    }

    /**
     * Whether {@code manager} may reset or disable {@code target}: it may grant the target's role, and sees
     * every community the target sees (a street administrator only within its own street).
     */
    public boolean manages(Account manager, Account target) {
        if (!manager.enabled() || !manager.role().may(Capability.MANAGE_ACCOUNTS)
                || !manager.role().grants().contains(target.role()) || manager.id() == target.id()) {
            return false;
        }
        if (target.role() == ConsoleRole.STREET_ADMIN) {
            return manager.streetId() != null && manager.streetId().equals(target.streetId());
        }
        Set<Long> theirs = new HashSet<>(mapper.findCommunityIds(target.id()));
        return !theirs.isEmpty() && new HashSet<>(communityIds(manager)).containsAll(theirs);
    }

    public Optional<Street> street(Long streetId) {
        return streetId == null ? Optional.empty() : mapper.findStreet(streetId);
    }

    public void recordLogin(long accountId) {
        mapper.markLoggedIn(accountId, clock.instant());
    }
}
