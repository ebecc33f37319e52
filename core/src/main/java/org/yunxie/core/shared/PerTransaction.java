package org.yunxie.core.shared;

import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One value for each transaction, made at its first use and bound to that transaction: hidden while it is
 * suspended, dropped when it ends, and handed to {@code beforeCommit} as it commits. What {@link InsertedAtCommit}
 * and {@link ReadAhead} keep.
 */
final class PerTransaction<T> {

    private final Supplier<T> fresh;
    private final Consumer<T> beforeCommit;

    PerTransaction(Supplier<T> fresh, Consumer<T> beforeCommit) {
        this.fresh = fresh;
        this.beforeCommit = beforeCommit;
    }

    /** The value of the transaction running now, made if it has none yet; null when no transaction runs. */
    T current() {
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
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(PerTransaction.this);
        }
    }
}
