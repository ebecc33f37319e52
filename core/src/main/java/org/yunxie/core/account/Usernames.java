package org.yunxie.core.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** Usernames are plain lower-case ASCII, so that 李娟 and lijuan never look alike on a login form. */
final class Usernames {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9._-]{2,49}");

    private Usernames() {
    }

    static String normal(String username) {
        return username.strip().toLowerCase(Locale.ROOT);
    }

    static boolean valid(String normal) {
        return VALID.matcher(normal).matches();
    }
}
