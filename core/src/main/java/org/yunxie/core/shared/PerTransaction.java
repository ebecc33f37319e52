package org.yunxie.core.shared;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One value for each transaction, made at its first use and bound to that transaction: hidden while it is
 * suspended, dropped when it ends, and handed to {@code beforeCommit} as it commits and to {@code afterCommit}
 * once it has. What {@link InsertedAtCommit} and {@link ReadAhead} keep, and what is done once a transaction
 * has committed however many times it was asked for.
 */
public final class PerTransaction<T> {

    private final Supplier<T> fresh;
    private final Consumer<T> beforeCommit;
    private final Consumer<T> afterCommit;

    PerTransaction(Supplier<T> fresh, Consumer<T> beforeCommit) {
        this(fresh, beforeCommit, value -> { });
    }

    private PerTransaction(Supplier<T> fresh, Consumer<T> beforeCommit, Consumer<T> afterCommit) {
        this.fresh = fresh;
        this.beforeCommit = beforeCommit;
        this.afterCommit = afterCommit;
    }

    /** A value handed to {@code afterCommit} once its transaction has committed (never if it rolls back). */
    public static <T> PerTransaction<T> untilCommitted(Supplier<T> fresh, Consumer<T> afterCommit) {
        return new PerTransaction<>(fresh, value -> { }, afterCommit);
    }

    /** The value of the transaction running now, made if it has none yet; null when no transaction runs. */
    public T current() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        T value = existing();
        if (value == null) {
            value = fresh.get();
            TransactionSynchronizationManager.bindResource(this, value);
            TransactionSynchronizationManager.registerSynchronization(new Bound(value));
        }
        return value;
    }

    /** The value of the transaction running now if it made one, else null. */
    @SuppressWarnings("unchecked")
    T existing() {
        return (T) TransactionSynchronizationManager.getResource(this);
    }

    private final class Bound implements TransactionSynchronization {
        private final T value;

        Bound(T value) {
            this.value = value;
        }

        @Override
        public int getOrder() {
            // Before MyBatis ends its session for the commit, while the transaction's connection is still bound.
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(PerTransaction.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(PerTransaction.this, value);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            beforeCommit.accept(value);
        }

        @Override
        public void afterCommit() {
            afterCommit.accept(value);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PerTransaction.this);
        }
    }
}
