package com.edutrack.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.Http;
import com.edutrack.testing.ServerInstance;
import io.micrometer.core.instrument.MeterRegistry;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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

    /** The 503s the server counted for operators (edutrack_database_unavailable_total). */
    private static double unavailableCounted() {
        return server.context().getBean(MeterRegistry.class).counter("edutrack.database.unavailable").count();
    }

    /** The purchases the server counted for operators (edutrack_purchases_count). */
    private static long purchasesCounted() {
        return server.context().getBean(MeterRegistry.class).summary("edutrack.purchases").count();
    }

    /** A GET while the database is down: 503 in DRF's format, hardened, within the pool's wait plus a margin. */
    private static void assertUnavailableWithinThePoolTimeout(Http client, String path) {
        long started = System.nanoTime();
        ApiResponse down = client.get(path);
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("faults: database down, " + path + " answered " + down.status() + " in " + millis + " ms");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().get("detail").asString()).isEqualTo("Service temporarily unavailable.");
        assertThat(millis).isLessThan(CONNECTION_TIMEOUT_MS + 2000);
        SecurityHeadersTest.assertHardened(down);
    }

    @Test
    void whileTheDatabaseIsDownRequestsAnswer503QuicklyAndTheServerRecoversWithoutARestart() throws Exception {
        assertThat(http.get("/api/accounts/subjects/").status()).isEqualTo(200);

        double counted = unavailableCounted();
        postgres.close();
        postgres = null;
        for (String path : List.of("/api/accounts/subjects/", "/api/accounts/public/teachers/")) {
            assertUnavailableWithinThePoolTimeout(http, path);
        }
        ApiResponse login = http.post("/api/accounts/login/", "{\"email\": \"owner@edutrack.test\", \"password\": \"x-y-z-1234\"}");
        assertThat(login.status()).isEqualTo(503);
        assertThat(unavailableCounted() - counted).isEqualTo(3);
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
        Fixtures given = Fixtures.of(server, new JdbcTemplate(postgres.getPostgresDatabase()));
        Http owner = given.as(given.siteOwner());
        assertThat(owner.get("/api/accounts/me/").status()).isEqualTo(200);

        double counted = unavailableCounted();
        postgres.close();
        postgres = null;
        for (String path : List.of("/api/accounts/me/", "/api/courses/")) {
            assertUnavailableWithinThePoolTimeout(owner, path);
        }
        assertThat(owner.post("/api/courses/purchases/buy/", "{\"course_id\": 1}").status()).isEqualTo(503);
        // Answered by the authentication filter, outside Spring MVC: counted all the same.
        assertThat(unavailableCounted() - counted).isEqualTo(3);
    }

    /** A student with 50.00 in the wallet and a published course of 20.00 to buy. */
    private record Buyer(JdbcTemplate database, Fixtures given, Account student, long course) {

        static Buyer create() {
            JdbcTemplate database = new JdbcTemplate(postgres.getPostgresDatabase());
            Fixtures given = Fixtures.of(server, database);
            long subject = given.subject("Faults " + System.nanoTime());
            long course = given.course("Cut short", given.teacher("Tess", subject), subject, "20.00", true);
            return new Buyer(database, given, given.student("Cody", "50.00"), course);
        }

        ApiResponse buy() {
            return given.as(student).post("/api/courses/purchases/buy/", "{\"course_id\": " + course + "}");
        }

        void assertUnavailableAndNothingKept(ApiResponse answer) {
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.json().get("detail").asString()).isEqualTo("Service temporarily unavailable.");
            assertThat(database.queryForObject("SELECT count(*) FROM purchases WHERE student_id = ?", Long.class,
                    student.id())).isZero();
            assertThat(database.queryForObject("SELECT wallet_balance FROM student_profiles WHERE user_id = ?",
                    BigDecimal.class, student.id())).isEqualByComparingTo("50.00");
        }
    }

    @Test
    void aBuyWhoseSessionEndsMidTransactionAnswers503AndKeepsNothing() throws Exception {
        Buyer buyer = Buyer.create();
        CompletableFuture<ApiResponse> buy;
        try (Connection lock = postgres.getPostgresDatabase().getConnection()) {
            // The test holds the wallet's row lock, so the buy waits inside its transaction...
            lock.setAutoCommit(false);
            lock.createStatement().execute("SELECT 1 FROM student_profiles WHERE user_id = " + buyer.student().id() + " FOR UPDATE");
            buy = CompletableFuture.supplyAsync(buyer::buy);
            String waiting = "SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FOR NO KEY UPDATE%'";
            long started = System.nanoTime();
            while (buyer.database().queryForList(waiting, Integer.class).isEmpty()
                    && System.nanoTime() - started < 10_000_000_000L) {
                Thread.sleep(20);
            }
            // ...until its session is terminated, as a fast shutdown of PostgreSQL terminates every
            // session: the pool closes the connection, with the transaction still to be rolled back.
            assertThat(buyer.database().queryForList("SELECT pg_terminate_backend(pid) FROM (" + waiting + ") w", Boolean.class))
                    .containsExactly(true);
            lock.rollback();
        }
        buyer.assertUnavailableAndNothingKept(buy.get(30, TimeUnit.SECONDS));
    }

    @Test
    void aBuyWhoseSessionEndsAtCommitAnswers503AndKeepsNothing() {
        Buyer buyer = Buyer.create();
        // At commit, a deferred trigger ends the buy's own session, as PostgreSQL stopping at that moment would.
        buyer.database().execute("""
                CREATE FUNCTION end_own_session() RETURNS trigger AS $$
                BEGIN
                    PERFORM pg_terminate_backend(pg_backend_pid());
                    RETURN NULL;
                END $$ LANGUAGE plpgsql;
                CREATE CONSTRAINT TRIGGER end_own_session AFTER INSERT ON purchases DEFERRABLE INITIALLY DEFERRED
                    FOR EACH ROW EXECUTE FUNCTION end_own_session()""");
        long purchases = purchasesCounted();
        try {
            buyer.assertUnavailableAndNothingKept(buyer.buy());
            // The purchase was inserted but never committed: not a purchase for the operators either.
            assertThat(purchasesCounted()).isEqualTo(purchases);
        } finally {
            buyer.database().execute("DROP TRIGGER end_own_session ON purchases; DROP FUNCTION end_own_session()");
        }
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
