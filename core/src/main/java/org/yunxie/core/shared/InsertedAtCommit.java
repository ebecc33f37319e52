package org.yunxie.core.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * Rows kept until the transaction writing them commits and then written many to a statement: votes answered
 * together in one transaction then cost one history, one audit and one ballot statement between them instead of
 * one each. Outside a transaction a row is written at once. Rows of append-only tables (history, audit) that
 * nothing reads back in the transaction wait for the commit (a reader of such a table inside a writing
 * transaction calls {@link #flush()} first); rows of a table {@linkplain Table#readBack read back} (the current
 * ballots) are also written before the transaction's next read, by {@code WrittenBeforeQueries}.
 */
@Component
public class InsertedAtCommit {

    /** At most this many rows to a statement, so that the statements prepared stay few and short. */
    static final int ROWS_A_STATEMENT = 16;

    /** An append-only table: how to insert rows of it, one or several at once. */
    public static final class Table<T> {
        private final String name;
        private final Consumer<List<T>> insertAll;
        private final boolean readBack;

        public Table(String name, Consumer<List<T>> insertAll) {
            this(name, insertAll, false);
        }

        private Table(String name, Consumer<List<T>> insertAll, boolean readBack) {
            this.name = name;
            this.insertAll = insertAll;
            this.readBack = readBack;
        }

        /**
         * A table the transaction may read back, written by an upsert ({@code writeAll} takes the rows in order,
         * a later row of the same key in place of an earlier one): its rows are also written before the
         * transaction's next read.
         */
        public static <T> Table<T> readBack(String name, Consumer<List<T>> writeAll) {
            return new Table<>(name, writeAll, true);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private final PerTransaction<Pending> pending = new PerTransaction<>(Pending::new, Pending::insertKept);

    /** Inserts the row with the commit of the transaction running now, or at once when none runs. */
    public <T> void insert(Table<T> table, T row) {
        Pending kept = pending.current();
        if (kept == null) {
            table.insertAll.accept(List.of(row));
            return;
        }
        kept.add(table, row);
    }

    /** Inserts now what the transaction running now has kept for its commit. */
    public void flush() {
        Pending kept = pending.existing();
        if (kept != null) {
            kept.insertKept();
        }
    }

    /** Writes now the rows of read-back tables the transaction running now has kept, before it reads. */
    public void flushReadBack() {
        Pending kept = pending.existing();
        if (kept != null) {
            kept.insertReadBack();
        }
    }

    private static final class Pending {
        private final Map<Table<?>, List<Object>> rows = new LinkedHashMap<>();

        void add(Table<?> table, Object row) {
            rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
        }

        void insertKept() {
            for (Map.Entry<Table<?>, List<Object>> entry : rows.entrySet()) {
                insertAll(entry.getKey(), entry.getValue());
            }
            rows.clear();
        }

        void insertReadBack() {
            for (Map.Entry<Table<?>, List<Object>> entry : rows.entrySet()) {
                if (entry.getKey().readBack) {
                    insertAll(entry.getKey(), entry.getValue());
                    entry.getValue().clear();
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static <T> void insertAll(Table<T> table, List<Object> all) {
            for (int from = 0; from < all.size(); from += ROWS_A_STATEMENT) {
                table.insertAll.accept((List<T>) all.subList(from, Math.min(all.size(), from + ROWS_A_STATEMENT)));
            }
        }
    }
}
