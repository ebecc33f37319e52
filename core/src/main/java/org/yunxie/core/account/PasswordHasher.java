package org.yunxie.core.account;

/** Hashes console passwords; the console supplies BCrypt, so core needs no security library. */
public interface PasswordHasher {

    String hash(CharSequence password);

    boolean matches(CharSequence password, String hash);
}
