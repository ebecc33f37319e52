package org.yunxie.core.account;

import java.security.SecureRandom;

/** Generated passwords and the rule for chosen ones. */
final class Passwords {

    static final int MIN_LENGTH = 10;
    // No 0/O, 1/l/I: generated passwords are read off a screen or a slip of paper and typed by hand.
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {
    }

    /** Four groups of four, about 92 bits: e.g. {@code k7Qm-2xPd-9RtH-wz4N}. */
    static String generate() {
        StringBuilder password = new StringBuilder(19);
        for (int i = 0; i < 16; i++) {
            if (i > 0 && i % 4 == 0) {
                password.append('-');
            }
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    static boolean acceptable(String password) {
        return password != null && password.length() >= MIN_LENGTH && password.length() <= 72
                && !password.isBlank();
    }
}
