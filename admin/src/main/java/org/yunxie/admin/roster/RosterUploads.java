package org.yunxie.admin.roster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.yunxie.admin.web.WithConsole;
import org.yunxie.core.importing.CheckingRoster;
import org.yunxie.core.importing.ImportingRoster;
import org.yunxie.core.importing.RosterCheck;
import org.yunxie.core.importing.RosterImport;
import org.yunxie.core.importing.RosterRow;
import org.yunxie.core.shared.Actor;

/**
 * Keeps uploaded roster files under {@code yunxie.console.import-dir} until they are applied, checks them
 * against the roster (again at apply time: the roster may have changed since the preview), and applies them
 * one at a time in the background so the page can show the progress of a large file.
 */
@Component
@WithConsole
class RosterUploads {

    private final Path folder;
    private final CheckingRoster checking;
    private final ImportingRoster importing;
    private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "roster-import");
        thread.setDaemon(true);
        return thread;
    });
    private final SecureRandom random = new SecureRandom();

    RosterUploads(@Value("${yunxie.console.import-dir:var/imports}") Path folder, CheckingRoster checking,
                  ImportingRoster importing) {
        this.folder = folder;
        this.checking = checking;
        this.importing = importing;
    }

    RosterImport upload(long communityId, String fileName, byte[] bytes, RosterCheck check, Actor actor)
            throws IOException {
        byte[] draw = new byte[8];
        random.nextBytes(draw);
        String stored = "c" + communityId + "-" + HexFormat.of().formatHex(draw)
                + (fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? ".xlsx" : ".csv");
        Files.createDirectories(folder);
        Files.write(folder.resolve(stored), bytes);
        return importing.record(communityId, fileName, stored, check, actor);
    }

    RosterCheck check(long communityId, String fileName, byte[] bytes) throws IOException {
        List<RosterRow> rows = RosterFiles.read(fileName, bytes);
        return checking.check(communityId, rows);
    }

    RosterCheck check(RosterImport upload) throws IOException {
        return check(upload.communityId(), upload.storedAs(), Files.readAllBytes(folder.resolve(upload.storedAs())));
    }

    /** Starts applying in the background; false when the import was already started. */
    boolean start(RosterImport upload, Actor actor) throws IOException {
        RosterCheck check = check(upload);
        if (!importing.claim(upload.id())) {
            return false;
        }
        background.submit(() -> importing.apply(upload, check, actor));
        return true;
    }

    @PreDestroy
    void stop() {
        background.shutdown();
    }
}
