package org.yunxie.core.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

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

    private final PerTransaction<Map<Kind<?, ?>, Map<Object, Object>>> kept =
            new PerTransaction<>(HashMap::new, rows -> { });

    /** Keeps what was read for these keys until the transaction running now ends; nothing when none runs. */
    public <K, V> void keep(Kind<K, V> kind, Map<K, V> found) {
        Map<Kind<?, ?>, Map<Object, Object>> all = kept.current();
        if (all != null) {
            all.computeIfAbsent(kind, k -> new HashMap<>()).putAll(found);
        }
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
        Map<Kind<?, ?>, Map<Object, Object>> all = kept.existing();
        return all == null ? null : all.get(kind);
    }

    @SuppressWarnings("unchecked")
    private static <V> V cast(Object row) {
        return (V) row;
    }
}
