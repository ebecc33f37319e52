package org.yunxie.core.ballot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that seals secret ballots: {@code yunxie.ballot.seal-key} (Base64, 32 bytes; set it through
 * YUNXIE_BALLOT_SEAL_KEY in production, the same on every instance), or else a key file that is created
 * on first start, which suits a single machine.
 */
@Configuration(proxyBeanMethods = false)
class BallotSealConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BallotSealConfiguration.class);

    @Bean
    BallotSeal ballotSeal(@Value("${yunxie.ballot.seal-key:}") String key,
                          @Value("${yunxie.ballot.seal-key-file:var/ballot-seal.key}") Path keyFile) throws IOException {
        if (!key.isBlank()) {
            return new BallotSeal(Base64.getDecoder().decode(key.strip()));
        }
        if (!Files.exists(keyFile)) {
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(keyFile.toAbsolutePath().getParent());
            Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh));
            try {
                Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                log.debug("Cannot restrict permissions of {} on this file system", keyFile);
            }
            log.info("Created a ballot seal key at {}; with several instances set YUNXIE_BALLOT_SEAL_KEY instead",
                    keyFile.toAbsolutePath());
        }
        return new BallotSeal(Base64.getDecoder().decode(Files.readString(keyFile).strip()));
    }
}
