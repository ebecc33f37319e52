package org.yunxie.core.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a transaction that answers several messages together read for all of them with one statement a table,
 * kept until it ends: each message's command asks here before it asks the database, so eight votes answered
 * together cost one statement for their eight speakers instead of eight. Kept are only rows that the work of
 * the transaction does not change, or rows whose writer forgets them when it changes them ({@link #forget}).
 * Outside a transaction nothing is kept.
 */
@Component
public class ReadAhead {

    /** One kind of row kept, by its key. */
    public static final class Kind<K, V> {
        private final String name;

        public Kind(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Keeps what was read for these keys until the transaction running now ends; nothing when none runs. */
    public <K, V> void keep(Kind<K, V> kind, Map<K, V> found) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Kept kept = (Kept) TransactionSynchronizationManager.getResource(this);
        if (kept == null) {
            kept = new Kept();
            TransactionSynchronizationManager.bindResource(this, kept);
            TransactionSynchronizationManager.registerSynchronization(kept);
        }
        kept.rows.computeIfAbsent(kind, k -> new HashMap<>()).putAll(found);
    }

    /** What was read ahead for the key in the transaction running now; null when nothing was. */
    public <K, V> V kept(Kind<K, V> kind, K key) {
        Map<Object, Object> rows = rows(kind);
        return rows == null ? null : cast(rows.get(key));
    }

    /** As {@link #kept}, and no longer kept: for rows the caller is going to change. */
    public <K, V> V take(Kind<K, V> kind, K key) {
        Map<Object, Object> rows = rows(kind);
        return rows == null ? null : cast(rows.remove(key));
    }

    /** No longer keeps the rows that are about to change, so that whoever asks next reads them afresh. */
    public <K, V> void forget(Kind<K, V> kind, Predicate<V> changing) {
        Map<Object, Object> rows = rows(kind);
        if (rows != null) {
            rows.values().removeIf(row -> changing.test(cast(row)));
        }
    }

    private Map<Object, Object> rows(Kind<?, ?> kind) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Kept kept = (Kept) TransactionSynchronizationManager.getResource(this);
        return kept == null ? null : kept.rows.get(kind);
    }

    @SuppressWarnings("unchecked")
    private static <V> V cast(Object row) {
        return (V) row;
    }

    private final class Kept implements TransactionSynchronization {
        private final Map<Kind<?, ?>, Map<Object, Object>> rows = new HashMap<>();

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(ReadAhead.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(ReadAhead.this, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ReadAhead.this);
        }
    }
}
