package com.edutrack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Concurrently;
import com.edutrack.testing.Fixtures;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.mapping.BoundSql;
import org.apache.ibatis.session.SqlSessionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Product-spec section 2: login throttling per email and per client address, kept in PostgreSQL. */
class LoginThrottleTest extends ApiTest {

    @Autowired
    private SqlSessionFactory mybatis;

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

    @Test
    void twoHundredParallelWrongPasswordsForOneEmailGetTenGuessesAndTheRestAreThrottled() throws Exception {
        Fixtures.Account student = given.student("Rania", "0.00");

        List<ApiResponse> answers = Concurrently.send(200, i -> login(student.email(), "wrong-" + i));

        // A 401 is an answer the password hash gave: the guesses an attacker got.
        long checked = Concurrently.statusCount(answers, 401);
        long throttled = Concurrently.statusCount(answers, 429);
        System.out.println("parallel wrong logins for one email: 200 sent, " + checked + " checked (401), "
                + throttled + " throttled (429)");
        assertThat(checked).isEqualTo(LoginThrottle.PER_EMAIL);
        assertThat(throttled).isEqualTo(200 - LoginThrottle.PER_EMAIL);
        answers.stream().filter(a -> a.status() == 429).forEach(LoginThrottleTest::assertThrottled);
        assertThrottled(login(student.email(), Fixtures.PASSWORD));
    }

    @Test
    void rightPasswordsAreNotCountedAsFailures() {
        Fixtures.Account student = given.student("Karim", "0.00");
        for (int i = 0; i < LoginThrottle.PER_EMAIL + 2; i++) {
            assertThat(login(student.email(), Fixtures.PASSWORD).status()).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM login_failures", Long.class)).isZero();
    }

    @Test
    void theFailureCountIsReadThroughItsIndexes() {
        // A busy minute's worth of failures, and an hour before it, so the planner has a reason to choose.
        jdbc.update("INSERT INTO login_failures (email, client_address, failed_at) "
                + "SELECT 'guess' || (n % 20000) || '@edutrack.test', '10.0.' || (n % 250) || '.' || (n % 200), "
                + "now() - (n % 3600) * interval '1 second' FROM generate_series(1, 100000) n");
        jdbc.execute("ANALYZE login_failures");
        Map<String, Object> parameters = Map.of("email", "Guess7@edutrack.test", "address", "10.0.7.7",
                "since", Timestamp.from(Instant.now().minus(LoginThrottle.WINDOW)));
        BoundSql query = mybatis.getConfiguration().getMappedStatement("com.edutrack.auth.AuthMapper.recentFailures")
                .getBoundSql(parameters);
        Object[] values = query.getParameterMappings().stream().map(p -> parameters.get(p.getProperty())).toArray();

        List<String> plan = jdbc.queryForList("EXPLAIN " + query.getSql(), String.class, values);

        System.out.println("plan of the login throttle's count:\n  " + String.join("\n  ", plan));
        String text = String.join("\n", plan);
        assertThat(text).contains("login_failures_email_idx", "login_failures_address_idx").doesNotContain("Seq Scan");
    }
}
