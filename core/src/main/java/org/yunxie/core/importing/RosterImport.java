package org.yunxie.core.importing;

import java.time.Instant;

/** An uploaded roster file: checked at upload, applied once when staff confirm, with its progress and result. */
public record RosterImport(long id, long communityId, String fileName, String storedAs, String uploadedBy,
                           Instant uploadedAt, int totalRows, int errorRows, Instant startedAt, int doneRows,
                           Instant finishedAt, int createdHouseholds, int updatedHouseholds, int unchangedHouseholds,
                           int issuedCodes, String failure) {

    public boolean started() {
        return startedAt != null;
    }

    public boolean finished() {
        return finishedAt != null;
    }
}
