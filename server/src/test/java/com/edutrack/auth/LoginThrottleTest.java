package com.edutrack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Product-spec section 2: login throttling per email and per client address, kept in PostgreSQL. */
class LoginThrottleTest extends ApiTest {

    private ApiResponse login(String email, String password) {
        return http.post("/api/accounts/login/", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
    }

    private static void assertThrottled(ApiResponse response) {
        assertThat(response.status()).isEqualTo(429);
        long retryAfter = Long.parseLong(response.header("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 60L);
        assertThat(response.json().get("detail").asString())
                .isEqualTo("Request was throttled. Expected available in " + retryAfter + " seconds.");
    }

    @Test
    void tenFailuresForOneEmailThrottleItEvenWithTheRightPassword() {
        Fixtures.Account student = given.student("Sara", "0.00");
        for (int i = 0; i < 10; i++) {
            assertThat(login(student.email(), "wrong-" + i).status()).isEqualTo(401);
        }
        assertThrottled(login(student.email(), Fixtures.PASSWORD));
        assertThrottled(login(student.email().toUpperCase(), Fixtures.PASSWORD));
    }

    @Test
    void otherEmailsAreNotThrottledByOnesFailures() {
        Fixtures.Account victim = given.student("Omar", "0.00");
        Fixtures.Account other = given.student("Laila", "0.00");
        for (int i = 0; i < 10; i++) {
            login(victim.email(), "wrong");
        }
        assertThat(login(other.email(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theThrottleLiftsWhenTheMinuteHasPassed() {
        Fixtures.Account student = given.student("Hany", "0.00");
        for (int i = 0; i < 10; i++) {
            login(student.email(), "wrong");
        }
        assertThrottled(login(student.email(), Fixtures.PASSWORD));
        jdbc.update("UPDATE login_failures SET failed_at = failed_at - interval '61 seconds'");
        assertThat(login(student.email(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aHundredFailuresFromOneAddressThrottleEveryEmail() {
        Fixtures.Account student = given.student("Nour", "0.00");
        // Failures recorded straight away: 100 real Argon2 checks would only slow the suite down.
        jdbc.update("INSERT INTO login_failures (email, client_address) "
                + "SELECT 'guess' || n || '@edutrack.test', '127.0.0.1' FROM generate_series(1, 100) n");
        assertThrottled(login(student.email(), Fixtures.PASSWORD));
    }

    @Test
    void ninetyNineFailuresFromOneAddressDoNot() {
        Fixtures.Account student = given.student("Yara", "0.00");
        jdbc.update("INSERT INTO login_failures (email, client_address) "
                + "SELECT 'guess' || n || '@edutrack.test', '127.0.0.1' FROM generate_series(1, 99) n");
        assertThat(login(student.email(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }
}
