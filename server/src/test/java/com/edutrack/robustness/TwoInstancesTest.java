package com.edutrack.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Concurrently;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.Http;
import com.edutrack.testing.Ledger;
import com.edutrack.testing.ServerInstance;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the server on one PostgreSQL, as production runs them: everything that must hold
 * across requests (refresh rotation, login throttling, one purchase per course) lives in the database,
 * so it holds across instances too. Instance A is the test's own server, B a second one beside it.
 */
class TwoInstancesTest extends ApiTest {

    private static ServerInstance instanceB;

    private Http b;

    @BeforeEach
    void startInstanceB() throws Exception {
        if (instanceB == null) {
            instanceB = ServerInstance.start(databaseUrl(), List.of());
        }
        b = http.at(instanceB.port());
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    private static String login(Http server, Account account) {
        ApiResponse login = server.post("/api/accounts/login/",
                "{\"email\": \"" + account.email() + "\", \"password\": \"" + Fixtures.PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(200);
        return login.cookie("refresh_token").orElseThrow().getValue();
    }

    private static ApiResponse refresh(Http server, String token) {
        return server.post("/api/accounts/token/refresh/", "{\"refresh\": \"" + token + "\"}");
    }

    @Test
    void aRefreshTokenRotatedOnOneInstanceIsATheftSignalOnTheOther() {
        Account sara = given.student("Sara", "0.00");
        String first = login(http, sara);
        ApiResponse rotated = refresh(http, first);
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.cookie("refresh_token").orElseThrow().getValue();

        ApiResponse replayed = refresh(b, first);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.json().get("error").asString()).isEqualTo("Invalid or expired refresh token");
        // The whole family is revoked: the token A issued in the rotation is refused too, on both.
        assertThat(refresh(b, second).status()).isEqualTo(401);
        assertThat(refresh(http, second).status()).isEqualTo(401);
    }

    @Test
    void loginFailuresAreCountedAcrossInstances() {
        Account sara = given.student("Sara", "0.00");
        String wrong = "{\"email\": \"" + sara.email() + "\", \"password\": \"Wrong-password-1\"}";
        for (int i = 0; i < 5; i++) {
            assertThat(http.post("/api/accounts/login/", wrong).status()).isEqualTo(401);
            assertThat(b.post("/api/accounts/login/", wrong).status()).isEqualTo(401);
        }
        for (Http server : List.of(http, b)) {
            ApiResponse throttled = server.post("/api/accounts/login/", wrong);
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(throttled.header("Retry-After")).isPresent();
        }
    }

    @Test
    void tenConcurrentBuysSplitAcrossInstancesMakeOnePurchaseAndOneDebit() throws Exception {
        Account sara = given.student("Sara", "100.00");
        long physics = given.subject("Physics");
        long course = given.course("Mechanics", given.teacher("Mona", physics), physics, "60.00", true);
        Http onA = given.as(sara);
        Http onB = onA.at(instanceB.port());
        String buy = "{\"course_id\": " + course + "}";
        List<ApiResponse> responses = Concurrently.send(10,
                i -> (i % 2 == 0 ? onA : onB).post("/api/courses/purchases/buy/", buy));
        assertThat(Concurrently.statusCount(responses, 201)).isEqualTo(1);
        assertThat(Concurrently.statusCount(responses, 400)).isEqualTo(9);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM purchases", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entries WHERE kind = 'purchase'", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT wallet_balance::text FROM student_profiles WHERE user_id = ?",
                String.class, sara.id())).isEqualTo("40.00");
        assertThat(Ledger.broken(jdbc)).isEmpty();
    }
}
