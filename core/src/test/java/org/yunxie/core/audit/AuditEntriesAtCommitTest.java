package org.yunxie.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.yunxie.core.shared.Actor;
import org.yunxie.core.shared.Channel;
import org.yunxie.core.shared.Transactions;

/**
 * Audit entries are written with their transaction's commit, many to a statement (votes answered together share
 * one): every entry of a committed transaction is there, in the order recorded, none of one rolled back, and a
 * reader in the writing transaction sees them. Rounds are made-up ids of their own; the log has no foreign keys.
 */
@SpringBootTest
class AuditEntriesAtCommitTest {

    @Autowired
    AuditLog audit;
    @Autowired
    Transactions transactions;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyEntryOfACommittedTransactionIsStoredInTheOrderRecorded() {
        long round = madeUpRound();
        // More entries than go into one statement, and not a multiple of it.
        int entries = 40;

        int storedBeforeCommit = transactions.retrying(() -> {
            IntStream.range(0, entries).forEach(i -> record(round, "ballot.cast", "A" + i));
            return storedRows(round);
        });

        assertThat(storedBeforeCommit).isZero();
        assertThat(audit.ofRound(round)).extracting(AuditEntry::detail)
                .containsExactlyElementsOf(IntStream.range(0, entries).mapToObj(i -> "A" + i).toList());
    }

    @Test
    void noEntryOfATransactionRolledBackIsStored() {
        long round = madeUpRound();

        assertThatThrownBy(() -> transactions.retrying(() -> {
            record(round, "ballot.cast", "A");
            throw new IllegalStateException("the command failed");
        })).hasMessage("the command failed");

        assertThat(audit.ofRound(round)).isEmpty();
    }

    @Test
    void aReaderInTheWritingTransactionSeesItsEntries() {
        long round = madeUpRound();

        List<AuditEntry> seen = transactions.retrying(() -> {
            record(round, "round.opened", null);
            record(round, "ballot.cast", "B");
            return audit.ofRound(round);
        });

        assertThat(seen).extracting(AuditEntry::action).containsExactly("round.opened", "ballot.cast");
        assertThat(audit.ofRound(round)).hasSize(2);
    }

    @Test
    void outsideATransactionAnEntryIsStoredAtOnce() {
        long round = madeUpRound();

        record(round, "ballot.cast", "A");

        assertThat(storedRows(round)).isEqualTo(1);
    }

    private void record(long round, String action, String detail) {
        audit.of(Actor.member(7, "张三"), Channel.WECOM_ROBOT).round(1, round).household(3).record(action, detail);
    }

    private int storedRows(long round) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE round_id = ?", Integer.class, round);
    }

    private static long madeUpRound() {
        return -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);
    }
}
