package com.edutrack.config;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a write in a transaction, and runs it again, a few times, when PostgreSQL aborted it to settle
 * a race: a deadlock (SQLState 40P01) or a serialization failure (40001). The services take their
 * locks in one order (the wallet row, or the refresh-token family row, first), so these are rare; a
 * write that still loses one is repeated here, in one place, and the client gets the answer the
 * repeated write gives instead of the aborted one's error. Whatever the write does must be safe to
 * run again after a rollback: only database work and pure computation.
 */
@Component
public class RetryingTransactions {

    /** Runs in all, the first included; a write losing this many races in a row answers 503. */
    static final int ATTEMPTS = 5;
    private static final Set<String> LOST_RACE = Set.of("40P01", "40001");
    private static final Logger log = LoggerFactory.getLogger(RetryingTransactions.class);

    private final TransactionTemplate template;

    public RetryingTransactions(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
    }

    /** The write's result, from the first run that was not aborted by a race. */
    public <T> T run(Supplier<T> write) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // Inside another transaction a rerun would only repeat the outer transaction's failure.
            throw new IllegalStateException("A retried write must start its own transaction");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return template.execute(status -> write.get());
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !lostRace(e)) {
                    throw e;
                }
                log.info("Write lost a lock race (attempt {} of {}), running it again: {}", attempt, ATTEMPTS,
                        sqlState(e));
                pause(attempt, e);
            }
        }
    }

    public void run(Runnable write) {
        run(() -> {
            write.run();
            return null;
        });
    }

    /** Whether PostgreSQL aborted the transaction behind this failure to settle a deadlock or a serialization race. */
    public static boolean lostRace(Throwable failure) {
        String state = sqlState(failure);
        return state != null && LOST_RACE.contains(state);
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    /** A few random milliseconds, growing with the attempts, so that the same two writes do not meet again. */
    private static void pause(int attempt, RuntimeException failure) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
