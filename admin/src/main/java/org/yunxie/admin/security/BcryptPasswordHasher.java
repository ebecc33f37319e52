package org.yunxie.admin.security;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.yunxie.core.account.PasswordHasher;

/** BCrypt for console passwords (cost 11: about a tenth of a second on a modest server). */
@Component
class BcryptPasswordHasher implements PasswordHasher {

    private final BCryptPasswordEncoder encoder = new BCryptPasswordEncoder(11);

    @Override
    public String hash(CharSequence password) {
        return encoder.encode(password);
    }

    @Override
    public boolean matches(CharSequence password, String hash) {
        return encoder.matches(password, hash);
    }

    BCryptPasswordEncoder encoder() {
        return encoder;
    }
}
