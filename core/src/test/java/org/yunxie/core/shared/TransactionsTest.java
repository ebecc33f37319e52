package org.yunxie.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DeadlockLoserDataAccessException;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class TransactionsTest {

    /** A transaction manager that keeps no resources: enough to see begins, joins and rollbacks. */
    static final class CountingManager extends AbstractPlatformTransactionManager {
        final AtomicInteger begun = new AtomicInteger();
        final AtomicInteger rolledBack = new AtomicInteger();

        @Override
        protected Object doGetTransaction() {
            return new Object[] {null};
        }

        @Override
        protected boolean isExistingTransaction(Object transaction) {
            return TransactionSynchronizationManager.isActualTransactionActive();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            begun.incrementAndGet();
        }

        @Override
        protected void doCommit(DefaultTransactionStatus status) {
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            rolledBack.incrementAndGet();
        }

        @Override
        protected void doSetRollbackOnly(DefaultTransactionStatus status) {
        }
    }

    private final CountingManager manager = new CountingManager();
    private final Transactions transactions = new Transactions(manager);

    @Test
    void aDeadlockVictimIsTriedAgainInAFreshTransaction() {
        AtomicInteger tries = new AtomicInteger();
        String result = transactions.retryingAtDefaultIsolation(() -> {
            if (tries.incrementAndGet() < 3) {
                throw new DeadlockLoserDataAccessException("deadlock", null);
            }
            return "opened";
        });
        assertThat(result).isEqualTo("opened");
        assertThat(manager.begun).hasValue(3);
        assertThat(manager.rolledBack).hasValue(2);
    }

    @Test
    void aDeadlockReportedThroughAnotherExceptionIsTriedAgainToo() {
        AtomicInteger tries = new AtomicInteger();
        String result = transactions.retrying(() -> {
            if (tries.incrementAndGet() < 2) {
                // As MyBatis reports a failed write made before one of its reads (WrittenBeforeQueries).
                throw new IllegalStateException("read failed",
                        new DeadlockLoserDataAccessException("deadlock", null));
            }
            return "recorded";
        });
        assertThat(result).isEqualTo("recorded");
        assertThat(manager.begun).hasValue(2);
    }

    @Test
    void anythingElseIsNotTriedAgain() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> transactions.retrying(() -> {
            tries.incrementAndGet();
            throw new IllegalStateException("refused", new IllegalArgumentException("bad"));
        })).hasMessage("refused");
        assertThat(tries).hasValue(1);
    }

    @Test
    void givesUpAfterThreeTries() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> transactions.retryingAtDefaultIsolation(() -> {
            tries.incrementAndGet();
            throw new DeadlockLoserDataAccessException("deadlock", null);
        })).isInstanceOf(DeadlockLoserDataAccessException.class);
        assertThat(tries).hasValue(3);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"at the default isolation", "read committed"})
    void insideARunningTransactionItJoinsAndDoesNotRetry(String isolation) {
        AtomicInteger tries = new AtomicInteger();
        Supplier<String> deadlocked = () -> {
            tries.incrementAndGet();
            throw new DeadlockLoserDataAccessException("deadlock", null);
        };
        TransactionTemplate outer = new TransactionTemplate(manager);
        assertThatThrownBy(() -> outer.executeWithoutResult(status -> {
            if (isolation.equals("read committed")) {
                transactions.retrying(deadlocked);
            } else {
                transactions.retryingAtDefaultIsolation(deadlocked);
            }
        })).isInstanceOf(DeadlockLoserDataAccessException.class);
        assertThat(tries).hasValue(1);
        assertThat(manager.begun).hasValue(1);
    }

    @Test
    void theOutermostWorkIsTriedAgainWithEverythingItCalled() {
        AtomicInteger outerTries = new AtomicInteger();
        AtomicInteger innerTries = new AtomicInteger();
        String result = transactions.retryingWithStatus(status -> {
            outerTries.incrementAndGet();
            return transactions.retrying(() -> {
                if (innerTries.incrementAndGet() == 1) {
                    throw new DeadlockLoserDataAccessException("deadlock", null);
                }
                return "recorded";
            });
        });
        assertThat(result).isEqualTo("recorded");
        assertThat(outerTries).hasValue(2);
        assertThat(manager.begun).hasValue(2);
        assertThat(manager.rolledBack).hasValue(1);
    }
}
