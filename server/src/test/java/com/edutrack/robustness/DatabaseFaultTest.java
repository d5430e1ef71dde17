package com.edutrack.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.auth.Role;
import com.edutrack.auth.Tokens;
import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.Http;
import com.edutrack.testing.ServerInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The database stops under a running server and comes back: meanwhile every request answers 503
 * quickly and readiness is DOWN; afterwards the same server answers 200 again, without a restart.
 * The server runs on a PostgreSQL of its own, which this test starts and stops.
 */
class DatabaseFaultTest {

    /** The pool's wait for a connection in this test; a request must answer within it plus a margin. */
    private static final long CONNECTION_TIMEOUT_MS = 1000;

    private static int port;
    private static Path dataDir;
    private static EmbeddedPostgres postgres;
    private static ServerInstance server;
    private static Http http;

    private static EmbeddedPostgres startPostgres() throws IOException {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setServerConfig("timezone", "UTC").start();
    }

    @BeforeAll
    static void startServerOnItsOwnDatabase() throws IOException {
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        dataDir = Files.createDirectories(Path.of("target", "fault-db-" + port)).toAbsolutePath();
        postgres = startPostgres();
        server = ServerInstance.start(postgres.getJdbcUrl("postgres", "postgres"), List.of(),
                "spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT_MS);
        http = new Http(server.port());
    }

    @AfterAll
    static void stopEverything() throws IOException {
        server.close();
        if (postgres != null) {
            postgres.close();
        }
        FileSystemUtils.deleteRecursively(dataDir);
    }

    /** A test that left the database down gets it back, and the server's pool with it. */
    @BeforeEach
    void databaseIsUp() throws Exception {
        if (postgres == null) {
            postgres = startPostgres();
            long restarted = System.nanoTime();
            while (http.get("/api/accounts/subjects/").status() != 200 && System.nanoTime() - restarted < 30_000_000_000L) {
                Thread.sleep(100);
            }
        }
    }

    @Test
    void whileTheDatabaseIsDownRequestsAnswer503QuicklyAndTheServerRecoversWithoutARestart() throws Exception {
        assertThat(http.get("/api/accounts/subjects/").status()).isEqualTo(200);

        postgres.close();
        postgres = null;
        for (String path : List.of("/api/accounts/subjects/", "/api/accounts/public/teachers/")) {
            long started = System.nanoTime();
            ApiResponse down = http.get(path);
            long millis = (System.nanoTime() - started) / 1_000_000;
            System.out.println("faults: database down, " + path + " answered " + down.status() + " in " + millis + " ms");
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("detail").asString()).isEqualTo("Service temporarily unavailable.");
            assertThat(millis).isLessThan(CONNECTION_TIMEOUT_MS + 2000);
            SecurityHeadersTest.assertHardened(down);
        }
        ApiResponse login = http.post("/api/accounts/login/", "{\"email\": \"owner@edutrack.test\", \"password\": \"x-y-z-1234\"}");
        assertThat(login.status()).isEqualTo(503);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);

        long restarted = System.nanoTime();
        postgres = startPostgres();
        ApiResponse back = http.get("/api/accounts/subjects/");
        while (back.status() != 200 && System.nanoTime() - restarted < 30_000_000_000L) {
            Thread.sleep(100);
            back = http.get("/api/accounts/subjects/");
        }
        System.out.println("faults: database back, first 200 after " + (System.nanoTime() - restarted) / 1_000_000
                + " ms (PostgreSQL start included)");
        assertThat(back.status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void anAuthenticatedRequestAlsoAnswers503WhileTheDatabaseIsDown() throws Exception {
        // The token is checked against the account's row before any endpoint runs, in a filter.
        long ownerId = new JdbcTemplate(postgres.getPostgresDatabase())
                .queryForObject("SELECT id FROM users WHERE email = 'owner@edutrack.test'", Long.class);
        Http owner = http.with("Authorization",
                "Bearer " + server.context().getBean(Tokens.class).access(ownerId, Role.SITEOWNER));
        assertThat(owner.get("/api/accounts/me/").status()).isEqualTo(200);

        postgres.close();
        postgres = null;
        for (String path : List.of("/api/accounts/me/", "/api/courses/")) {
            long started = System.nanoTime();
            ApiResponse down = owner.get(path);
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().get("detail").asString()).isEqualTo("Service temporarily unavailable.");
            assertThat(millis).isLessThan(CONNECTION_TIMEOUT_MS + 2000);
            SecurityHeadersTest.assertHardened(down);
        }
        ApiResponse buy = owner.post("/api/courses/purchases/buy/", "{\"course_id\": 1}");
        assertThat(buy.status()).isEqualTo(503);
    }

    @Test
    void aQueryTheDatabaseRefusesIsAPlain500WithoutSql() {
        JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());
        // A schema that drifted under the server: every query on the table fails.
        database.execute("ALTER TABLE subjects RENAME TO subjects_moved");
        try {
            ApiResponse broken = http.get("/api/accounts/subjects/");
            assertThat(broken.status()).isEqualTo(500);
            assertThat(broken.json().get("detail").asString()).isEqualTo("Internal server error");
            assertThat(broken.body()).doesNotContain("subjects").doesNotContain("SQL");
            SecurityHeadersTest.assertHardened(broken);
        } finally {
            database.execute("ALTER TABLE subjects_moved RENAME TO subjects");
        }
    }
}
