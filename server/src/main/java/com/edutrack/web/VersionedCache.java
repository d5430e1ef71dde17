package com.edutrack.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Answers of a read, kept in memory with the version the database had when they were computed, and
 * used only while the database still holds that version. The database sets a fresh version in the
 * transaction of every write the answer depends on (migration V22), so one indexed read of the
 * current version tells whether a kept answer holds, on any instance: a write committed anywhere
 * shows on the next read. A missing or outdated answer is computed in one read-only snapshot
 * together with the version it belongs to.
 */
public final class VersionedCache<K, V> {

    private record Kept<V>(long version, V value) {
    }

    private final ConcurrentHashMap<K, Kept<V>> kept = new ConcurrentHashMap<>();
    private final int capacity;
    private final TransactionTemplate snapshot;

    /** At most {@code capacity} answers are kept; past it they are all dropped and kept anew. */
    public VersionedCache(PlatformTransactionManager transactions, int capacity) {
        this.capacity = capacity;
        this.snapshot = new TransactionTemplate(transactions);
        snapshot.setReadOnly(true);
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /**
     * The answer for {@code key}: the kept one when {@code version} reads its version, else
     * {@code compute} run in a snapshot in which {@code version} is read again. Versions are
     * compared for equality only: no two writes ever set the same one.
     */
    public V read(K key, LongSupplier version, Supplier<V> compute) {
        Kept<V> answer = kept.get(key);
        if (answer != null && answer.version() == version.getAsLong()) {
            return answer.value();
        }
        return snapshot.execute(status -> {
            long current = version.getAsLong();
            V value = compute.get();
            if (kept.size() >= capacity) {
                kept.clear();
            }
            kept.put(key, new Kept<>(current, value));
            return value;
        });
    }
}
