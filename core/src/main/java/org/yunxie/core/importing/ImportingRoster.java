package org.yunxie.core.importing;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.yunxie.core.audit.AuditLog;
import org.yunxie.core.roster.BindingCode;
import org.yunxie.core.roster.Building;
import org.yunxie.core.roster.Household;
import org.yunxie.core.roster.IssuingBindingCode;
import org.yunxie.core.roster.KeepingRoster;
import org.yunxie.core.roster.Roster;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.NewId;

/**
 * Records an uploaded roster file with its check, and applies it once staff confirm: buildings and households
 * through the roster's use cases, area and status corrections, and a binding code for each named contact.
 * Applying again changes nothing already there (the same file twice is harmless), and a large file goes in
 * slices, each its own transaction, with the progress recorded after each.
 */
@Service
public class ImportingRoster {

    static final int SLICE = 250;
    static final Duration CODE_VALIDITY = Duration.ofDays(30);
    private static final Logger log = LoggerFactory.getLogger(ImportingRoster.class);

    private final ImportMapper mapper;
    private final Roster roster;
    private final KeepingRoster keeping;
    private final IssuingBindingCode issuing;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ImportingRoster(ImportMapper mapper, Roster roster, KeepingRoster keeping, IssuingBindingCode issuing,
                    AuditLog audit, PlatformTransactionManager transactions, Clock clock) {
        this.mapper = mapper;
        this.roster = roster;
        this.keeping = keeping;
        this.issuing = issuing;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    public RosterImport record(long communityId, String fileName, String storedAs, RosterCheck check, Actor actor) {
        NewId id = new NewId();
        mapper.insert(new RosterImport(0, communityId, fileName, storedAs, actor.label(), clock.instant(),
                check.rows().size() + check.problems().size(), check.problems().size(), null, 0, null, 0, 0, 0, 0,
                null), id);
        return mapper.findById(id.value()).orElseThrow();
    }

    public Optional<RosterImport> find(long importId) {
        return mapper.findById(importId);
    }

    public List<RosterImport> recent(long communityId, int limit) {
        return mapper.findByCommunity(communityId, limit);
    }

    /** Claims the import for applying; false when someone already did (a second click, another instance). */
    public boolean claim(long importId) {
        return mapper.markStarted(importId, clock.instant()) == 1;
    }

    /** Applies the checked rows of a claimed import; long-running, so callers run it in the background. */
    public void apply(RosterImport claimed, RosterCheck check, Actor actor) {
        Map<String, Building> buildings = new HashMap<>();
        roster.buildings(claimed.communityId()).forEach(b -> buildings.put(b.name(), b));
        int[] counts = new int[5];
        List<CheckedRow> rows = check.rows();
        try {
            for (int start = 0; start < rows.size(); start += SLICE) {
                List<CheckedRow> slice = rows.subList(start, Math.min(rows.size(), start + SLICE));
                transaction.executeWithoutResult(status -> slice.forEach(row ->
                        applyRow(claimed.communityId(), row, buildings, counts, actor)));
                counts[0] += slice.size();
                mapper.recordProgress(claimed.id(), counts[0], counts[1], counts[2], counts[3], counts[4]);
            }
            mapper.markFinished(claimed.id(), clock.instant(), null);
            transaction.executeWithoutResult(status -> audit.of(actor, Channel.CONSOLE)
                    .community(claimed.communityId()).record("roster.imported", claimed.fileName()
                            + " created=" + counts[1] + " updated=" + counts[2] + " unchanged=" + counts[3]
                            + " codes=" + counts[4]));
        } catch (RuntimeException e) {
            log.error("Roster import {} stopped after {} rows", claimed.id(), counts[0], e);
            mapper.markFinished(claimed.id(), clock.instant(), e.getClass().getSimpleName());
        }
    }

    private void applyRow(long communityId, CheckedRow row, Map<String, Building> buildings, int[] counts,
                          Actor actor) {
        Building building = buildings.computeIfAbsent(row.building(),
                name -> keeping.registerBuilding(communityId, name, actor, Channel.CONSOLE));
        Household household = roster.household(communityId, row.unitLabel()).orElse(null);
        if (household == null) {
            household = keeping.registerHousehold(building, row.unitLabel(), row.area(), row.ineligibleReason(), actor,
                    Channel.CONSOLE);
            counts[1]++;
        } else if (household.floorArea().compareTo(row.area()) != 0
                || !java.util.Objects.equals(household.ineligibleReason(), row.ineligibleReason())) {
            mapper.correctHousehold(household.id(), row.area(), row.ineligibleReason());
            audit.of(actor, Channel.CONSOLE).community(communityId).household(household.id())
                    .record("household.corrected", row.unitLabel() + " " + household.floorArea().toPlainString()
                            + "㎡ -> " + row.area().toPlainString() + "㎡"
                            + (row.ineligibleReason() == null ? "" : " (" + row.ineligibleReason() + ")"));
            counts[2]++;
        } else {
            counts[3]++;
        }
        for (CheckedRow.Contact contact : row.contacts()) {
            if (!mapper.hasWaitingCode(household.id(), contact.name(), contact.role().name(), clock.instant())) {
                BindingCode code = issuing.issue(household.id(), contact.role(), CODE_VALIDITY, actor, Channel.CONSOLE)
                        .orElseThrow();
                mapper.insertHolder(code.id(), household.id(), contact.name());
                counts[4]++;
            }
        }
    }
}
