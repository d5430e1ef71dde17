package com.edutrack.testing;

import com.edutrack.auth.Tokens;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the HTTP tests: the real server on a random port, the real filter chain, the embedded
 * PostgreSQL of the test run, emptied of everything but the site owner before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    private DataSource dataSource;

    @Autowired
    private Tokens tokens;

    @Autowired
    private PasswordEncoder passwords;

    /** An anonymous client. */
    protected Http http;

    /** Test data, and clients acting as its users. */
    protected Fixtures given;

    /** The JDBC URL of the test run's database, for another server instance to share it. */
    protected String databaseUrl() throws SQLException {
        return dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
    }

    @BeforeEach
    void startClean() {
        jdbc.execute("""
                TRUNCATE subjects, courses, lectures, enrollments, purchases, ledger_entries, recharge_codes,
                         refresh_token_families, refresh_token_blacklist, login_failures, registration_attempts, idempotency_keys,
                         teacher_profiles, assistant_profiles, student_profiles RESTART IDENTITY CASCADE""");
        jdbc.update("DELETE FROM users WHERE role <> 'siteowner'");
        http = new Http(port);
        given = new Fixtures(jdbc, tokens, passwords, http);
    }
}
