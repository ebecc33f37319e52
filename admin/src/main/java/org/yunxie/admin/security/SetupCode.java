package org.yunxie.admin.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.account.Accounts;

/**
 * The one-time setup page's proof: while no console account exists, a fresh code is written to the server
 * log at start, so only someone who can read the log (the operator) can create the first administrator
 * there, not whoever reaches the page first.
 */
@Component
@WithConsole
class SetupCode {

    private static final Logger log = LoggerFactory.getLogger(SetupCode.class);

    private final Accounts accounts;
    private final String code;

    SetupCode(Accounts accounts) {
        this.accounts = accounts;
        byte[] bytes = new byte[9];
        new SecureRandom().nextBytes(bytes);
        this.code = java.util.HexFormat.of().formatHex(bytes);
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        if (!accounts.anyExists()) {
            log.warn("No console account exists yet. Create the first administrator at /admin/setup with the "
                    + "setup code {}, or run the application with --yunxie.console.create-admin=NAME", code);
        }
    }

    boolean matches(String typed) {
        return typed != null && MessageDigest.isEqual(code.getBytes(StandardCharsets.UTF_8),
                typed.strip().getBytes(StandardCharsets.UTF_8));
    }
}
