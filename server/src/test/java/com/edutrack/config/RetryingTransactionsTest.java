package com.edutrack.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.edutrack.testing.ApiTest;
import com.edutrack.web.ApiException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A write that PostgreSQL aborts to settle a race runs again, in a new transaction, a bounded number
 * of times. The races are raised by PostgreSQL itself (a PL/pgSQL RAISE with the SQLState a deadlock
 * or a serialization failure has), so the failure comes through the real driver and Spring's
 * exception translation.
 */
class RetryingTransactionsTest extends ApiTest {

    @Autowired
    private RetryingTransactions transactions;

    @Autowired
    private PlatformTransactionManager transactionManager;

    /** Writes a subject, then fails as PostgreSQL does when this transaction loses a race. */
    private void writeAndLose(int attempt, String sqlState) {
        jdbc.update("INSERT INTO subjects (name) VALUES (?)", "Attempt " + attempt);
        jdbc.execute("DO $$ BEGIN RAISE EXCEPTION 'lost' USING ERRCODE = '" + sqlState + "'; END $$");
    }

    private long subjects() {
        return jdbc.queryForObject("SELECT count(*) FROM subjects", Long.class);
    }

    @Test
    void aWriteThatLosesADeadlockRunsAgainAndOnlyItsLastRunCommits() {
        AtomicInteger runs = new AtomicInteger();
        String result = transactions.run(() -> {
            int attempt = runs.incrementAndGet();
            if (attempt == 1) {
                writeAndLose(attempt, "40P01");
            }
            if (attempt == 2) {
                writeAndLose(attempt, "40001");
            }
            jdbc.update("INSERT INTO subjects (name) VALUES (?)", "Attempt " + attempt);
            return "done";
        });
        assertThat(result).isEqualTo("done");
        assertThat(runs).hasValue(3);
        assertThat(jdbc.queryForList("SELECT name FROM subjects", String.class)).containsExactly("Attempt 3");
    }

    @Test
    void aWriteThatKeepsLosingGivesUpAfterTheLastAttempt() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> transactions.run(() -> writeAndLose(runs.incrementAndGet(), "40P01")))
                .isInstanceOf(DataAccessException.class)
                .satisfies(e -> assertThat(RetryingTransactions.lostRace(e)).isTrue());
        assertThat(runs).hasValue(RetryingTransactions.ATTEMPTS);
        assertThat(subjects()).isZero();
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger runs = new AtomicInteger();
        assertThatThrownBy(() -> transactions.run(() -> {
            runs.incrementAndGet();
            jdbc.update("INSERT INTO subjects (name) VALUES ('Physics')");
            throw ApiException.rule("No.");
        })).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> transactions.run(() -> writeAndLose(runs.incrementAndGet(), "23505")))
                .isInstanceOf(DataAccessException.class);
        assertThat(runs).hasValue(2);
        assertThat(subjects()).isZero();
    }

    @Test
    void aRetriedWriteMustNotJoinAnOuterTransaction() {
        // Rerunning only the inner part of a transaction PostgreSQL aborted would fail again at once.
        assertThatThrownBy(() -> new TransactionTemplate(transactionManager)
                .executeWithoutResult(status -> transactions.run(() -> "inner")))
                .isInstanceOf(IllegalStateException.class);
    }
}
