package org.yunxie.core.shared;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A secret key from its setting (Base64, from the environment in production, the same on every instance),
 * or else from a key file created on first start, which suits a single machine such as the embedded profile.
 */
public final class SecretKeys {

    private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

    private SecretKeys() {
    }

    public static byte[] fromSettingOrFile(String base64Setting, Path keyFile, String settingName) throws IOException {
        if (base64Setting != null && !base64Setting.isBlank()) {
            return Base64.getDecoder().decode(base64Setting.strip());
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
            log.info("Created a key at {}; with several instances set {} instead", keyFile.toAbsolutePath(),
                    settingName);
        }
        return Base64.getDecoder().decode(Files.readString(keyFile).strip());
    }
}
