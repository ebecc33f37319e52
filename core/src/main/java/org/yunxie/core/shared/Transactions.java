package org.yunxie.core.shared;

import java.util.function.Supplier;

import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a read-committed transaction and tries again when the database gave up on it for a
 * passing reason (a deadlock victim, a lock wait timeout), which busy rounds can cause.
 */
@Component
public class Transactions {

    private static final int ATTEMPTS = 3;

    private final TransactionTemplate template;
    private final TransactionTemplate asDefault;

    Transactions(PlatformTransactionManager manager) {
        this.template = new TransactionTemplate(manager);
        this.template.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        this.asDefault = new TransactionTemplate(manager);
    }

    public <T> T retrying(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return template.execute(status -> work.get());
            } catch (TransientDataAccessException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Runs work in a transaction at the database's default isolation (what {@code @Transactional} gives) and
     * tries again when the database gave up on it for a passing reason: staff opening rounds of several
     * communities at the same moment can make one of them a deadlock victim. Inside a transaction that is
     * already running the work simply joins it: a deadlock rolls the whole of it back, so only its owner
     * could try again.
     */
    public <T> T retryingAtDefaultIsolation(Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return asDefault.execute(status -> work.get());
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return asDefault.execute(status -> work.get());
            } catch (TransientDataAccessException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
