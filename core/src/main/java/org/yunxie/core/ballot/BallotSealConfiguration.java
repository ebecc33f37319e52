package org.yunxie.core.ballot;

import java.io.IOException;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.yunxie.core.shared.SecretKeys;

/**
 * The key that seals secret ballots: {@code yunxie.ballot.seal-key} (Base64, 32 bytes; set it through
 * YUNXIE_BALLOT_SEAL_KEY in production, the same on every instance), or else a key file that is created
 * on first start, which suits a single machine.
 */
@Configuration(proxyBeanMethods = false)
class BallotSealConfiguration {

    @Bean
    BallotSeal ballotSeal(@Value("${yunxie.ballot.seal-key:}") String key,
                          @Value("${yunxie.ballot.seal-key-file:var/ballot-seal.key}") Path keyFile) throws IOException {
        return new BallotSeal(SecretKeys.fromSettingOrFile(key, keyFile, "YUNXIE_BALLOT_SEAL_KEY"));
    }
}
