package com.edutrack.config;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizers;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

/** Spring Boot's own transaction manager, but for the rollback of a transaction whose connection is gone. */
@Configuration(proxyBeanMethods = false)
public class TransactionConfiguration {

    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, ObjectProvider<TransactionManagerCustomizers> customizers) {
        JdbcTransactionManager manager = new SessionAwareTransactionManager(dataSource);
        customizers.ifAvailable(c -> c.customize(manager));
        return manager;
    }

    /**
     * When PostgreSQL ends the session under a transaction (it stops, restarts, or terminates the
     * backend), the statement or the commit fails and the pool closes the connection. Rolling back
     * on that closed connection would fail as well, and Spring would throw the rollback's
     * TransactionSystemException in place of the failure that says the database is unavailable
     * (a 503 for the client, not a 500). There is nothing left to roll back there: the session's end
     * aborted the transaction, or a commit that got no answer decided it already. So that rollback
     * is skipped, and the original failure propagates.
     */
    static class SessionAwareTransactionManager extends JdbcTransactionManager {

        SessionAwareTransactionManager(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void doRollback(DefaultTransactionStatus status) {
            Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder().getConnection();
            if (isClosed(connection)) {
                logger.debug("Skipping the rollback: the connection is already closed");
                return;
            }
            super.doRollback(status);
        }

        private static boolean isClosed(Connection connection) {
            try {
                return connection.isClosed();
            } catch (SQLException e) {
                return false;
            }
        }
    }
}
