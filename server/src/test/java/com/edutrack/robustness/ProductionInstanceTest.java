package com.edutrack.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.Http;
import com.edutrack.testing.ServerInstance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Value;

/**
 * A server started as production starts it (the {@code prod} profile and its three required settings,
 * on the test run's database): its cookies, and its graceful shutdown, which is why it goes last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionInstanceTest extends ApiTest {

    private static ServerInstance production;

    @Value("${edutrack.jwt.signing-key}")
    private String signingKey;

    private Http prod;

    @BeforeEach
    void startProductionInstance() throws Exception {
        if (production == null) {
            production = ServerInstance.start(databaseUrl(), List.of("prod"),
                    "JWT_SIGNING_KEY=" + signingKey, "CSRF_TRUSTED_ORIGINS=https://eduonline-five.vercel.app");
        }
        prod = http.at(production.port());
    }

    @AfterAll
    static void stopProductionInstance() {
        if (production != null) {
            production.close();
            production = null;
        }
    }

    @Test
    @Order(1)
    void cookiesAreSecureAndSameSiteNone() {
        Account sara = given.student("Sara", "0.00");
        ApiResponse login = prod.post("/api/accounts/login/",
                "{\"email\": \"" + sara.email() + "\", \"password\": \"" + Fixtures.PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(200);
        for (String cookie : List.of("access_token", "refresh_token")) {
            assertThat(login.setCookie(cookie).orElseThrow()).contains("; Secure").contains("; HttpOnly")
                    .contains("; SameSite=None");
        }
        ApiResponse logout = prod.post("/api/accounts/logout/", "");
        assertThat(logout.setCookie("access_token").orElseThrow()).contains("; Secure").contains("; SameSite=None");
    }

    @Test
    @Order(2)
    void shutdownLetsTheRequestInFlightFinishAndRefusesNewOnes() throws Exception {
        Account sara = given.student("Sara", "100.00");
        long physics = given.subject("Physics");
        long course = given.course("Mechanics", given.teacher("Mona", physics), physics, "60.00", true);
        Http saraOnProd = given.as(sara).at(production.port());
        try (Connection lock = jdbc.getDataSource().getConnection()) {
            // Holding Sara's wallet row keeps her buy in flight for as long as the test needs.
            lock.setAutoCommit(false);
            try (Statement statement = lock.createStatement()) {
                statement.execute("SELECT 1 FROM student_profiles WHERE user_id = " + sara.id() + " FOR UPDATE");
            }
            CompletableFuture<ApiResponse> inFlight = CompletableFuture.supplyAsync(() ->
                    saraOnProd.post("/api/courses/purchases/buy/", "{\"course_id\": " + course + "}"));
            waitUntil(() -> jdbc.queryForObject(
                    "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'", Long.class) > 0);

            CompletableFuture<Void> closing = CompletableFuture.runAsync(production::close);
            Thread.sleep(500);
            assertThat(closing).isNotDone();
            assertThat(newRequestIsRefused(production.port())).as("a new request during shutdown is refused").isTrue();

            lock.commit();
            assertThat(inFlight.get().status()).isEqualTo(201);
            closing.get();
        } finally {
            production = null;
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM purchases", Long.class)).isEqualTo(1);
    }

    /**
     * On a fresh connection (the shared client could reuse a kept-alive one): refused to connect, or
     * answered 503.
     */
    private static boolean newRequestIsRefused(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            socket.setSoTimeout(2000);
            socket.getOutputStream().write("GET /api/accounts/subjects/ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return statusLine == null || statusLine.contains(" 503 ");
        } catch (SocketException refusedOrReset) {
            return true;
        }
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 5 s").isTrue();
    }
}
