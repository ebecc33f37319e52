package org.yunxie.core.shared;

import java.util.function.Function;
import java.util.function.Supplier;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction and tries again when the database gave up on it for a passing reason (a
 * deadlock victim, a lock wait timeout), which busy rounds can cause. Inside a transaction that is already
 * running the work simply joins it: a deadlock rolls the whole of it back, so only its owner can try again.
 */
@Component
public class Transactions {

    private static final int ATTEMPTS = 3;

    private final TransactionTemplate readCommitted;
    private final TransactionTemplate asDefault;

    Transactions(PlatformTransactionManager manager) {
        this.readCommitted = new TransactionTemplate(manager);
        this.readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.asDefault = new TransactionTemplate(manager);
    }

    /** Runs work in a read-committed transaction. */
    public <T> T retrying(Supplier<T> work) {
        return run(readCommitted, status -> work.get());
    }

    /**
     * As {@link #retrying(Supplier)}, for work that decides itself to undo what it did (through
     * {@link TransactionStatus#setRollbackOnly()}) or needs to see that a part it called failed.
     */
    public <T> T retryingWithStatus(Function<TransactionStatus, T> work) {
        return run(readCommitted, work::apply);
    }

    /**
     * Runs work in a transaction at the database's default isolation (what {@code @Transactional} gives): staff
     * opening rounds of several communities at the same moment can make one of them a deadlock victim.
     */
    public <T> T retryingAtDefaultIsolation(Supplier<T> work) {
        return run(asDefault, status -> work.get());
    }

    private static <T> T run(TransactionTemplate template, TransactionCallback<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return template.execute(work);
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return template.execute(work);
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !transientWithin(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * A deadlock or lock timeout, also when it comes wrapped: ballots written before a read
     * ({@code WrittenBeforeQueries}) report a failure of that write through the read, which MyBatis wraps.
     */
    private static boolean transientWithin(Throwable e) {
        Throwable cause = e;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException) {
                return true;
            }
        }
        return false;
    }
}
