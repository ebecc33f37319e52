package org.yunxie.core.account;

import java.util.List;

/** What an administrator fills in to create an account; street administrators get the creator's street. */
public record AccountRequest(String username, String displayName, ConsoleRole role, List<Long> communityIds) {

    public AccountRequest {
        communityIds = List.copyOf(communityIds);
    }
}
