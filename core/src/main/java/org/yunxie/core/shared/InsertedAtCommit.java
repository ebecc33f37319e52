package org.yunxie.core.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

/**
 * Rows of append-only tables (history, audit) that nothing reads back in the transaction writing them: kept
 * until the transaction commits and then inserted many to a statement. Votes answered together in one
 * transaction then cost one history and one audit statement between them instead of one each. Outside a
 * transaction a row is inserted at once. A reader of such a table inside a writing transaction calls
 * {@link #flush()} first.
 */
@Component
public class InsertedAtCommit {

    /** At most this many rows to a statement, so that the statements prepared stay few and short. */
    static final int ROWS_A_STATEMENT = 16;

    /** An append-only table: how to insert rows of it, one or several at once. */
    public static final class Table<T> {
        private final String name;
        private final Consumer<List<T>> insertAll;

        public Table(String name, Consumer<List<T>> insertAll) {
            this.name = name;
            this.insertAll = insertAll;
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

        @SuppressWarnings("unchecked")
        private static <T> void insertAll(Table<T> table, List<Object> all) {
            for (int from = 0; from < all.size(); from += ROWS_A_STATEMENT) {
                table.insertAll.accept((List<T>) all.subList(from, Math.min(all.size(), from + ROWS_A_STATEMENT)));
            }
        }
    }
}
