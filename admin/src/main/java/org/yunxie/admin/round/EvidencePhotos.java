package org.yunxie.admin.round;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;
import org.yunxie.admin.web.WithConsole;

/**
 * Photos of paper ballots and proxy forms, kept as files under {@code yunxie.console.evidence-dir}
 * (YUNXIE_CONSOLE_EVIDENCE_DIR; several instances need a shared folder). Only JPEG and PNG are taken,
 * checked by their first bytes; the stored name carries the round and household, so a photo is only ever
 * served under its own round.
 */
@Component
@WithConsole
class EvidencePhotos {

    static final long MAX_BYTES = 8L * 1024 * 1024;
    private static final Pattern NAME = Pattern.compile("r(\\d+)-h(\\d+)-[0-9a-f]{16}\\.(jpg|png)");
    private final Path folder;
    private final SecureRandom random = new SecureRandom();

    EvidencePhotos(@Value("${yunxie.console.evidence-dir:var/evidence}") Path folder) {
        this.folder = folder;
    }

    /** Stores the photo and returns its name, or empty when it is no JPEG or PNG or too large. */
    Optional<String> store(long roundId, long householdId, MultipartFile photo) throws IOException {
        if (photo.getSize() > MAX_BYTES) {
            return Optional.empty();
        }
        byte[] bytes = photo.getBytes();
        String type = type(bytes);
        if (type == null) {
            return Optional.empty();
        }
        byte[] draw = new byte[8];
        random.nextBytes(draw);
        String name = "r" + roundId + "-h" + householdId + "-" + HexFormat.of().formatHex(draw) + "." + type;
        Files.createDirectories(folder);
        Files.write(folder.resolve(name), bytes);
        return Optional.of(name);
    }

    /** The stored photo of this round, if the name is one of ours and belongs to it. */
    Optional<Path> find(long roundId, String name) {
        var match = NAME.matcher(name);
        if (!match.matches() || Long.parseLong(match.group(1)) != roundId) {
            return Optional.empty();
        }
        Path file = folder.resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private static String type(byte[] bytes) {
        if (bytes.length > 3 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xD8 && (bytes[2] & 0xff) == 0xFF) {
            return "jpg";
        }
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "png";
        }
        return null;
    }
}
