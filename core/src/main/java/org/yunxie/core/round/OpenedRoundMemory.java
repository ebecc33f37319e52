package org.yunxie.core.round;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What an instance keeps in memory about opened rounds, which never changes once a round opens: a value is
 * kept only when {@code keep} accepts it (an opened round's), and the least recently used make room.
 */
final class OpenedRoundMemory<K, V> {

    /** Enough for every open round of a district's busy day. */
    static final int ROUNDS_KEPT = 20_000;

    private final Map<K, V> kept = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > ROUNDS_KEPT;
        }
    };
    private final Predicate<V> keep;

    OpenedRoundMemory(Predicate<V> keep) {
        this.keep = keep;
    }

    /** The kept value, else the one {@code read} gives (kept when it may be). */
    V get(K key, Function<K, V> read) {
        synchronized (kept) {
            V value = kept.get(key);
            if (value != null) {
                return value;
            }
        }
        V value = read.apply(key);
        if (value != null && keep.test(value)) {
            synchronized (kept) {
                kept.put(key, value);
            }
        }
        return value;
    }
}
