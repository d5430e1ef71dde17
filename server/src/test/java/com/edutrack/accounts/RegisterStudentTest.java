package com.edutrack.accounts;

import static com.edutrack.accounts.AccountBodies.account;
import static com.edutrack.accounts.AccountBodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Concurrently;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/accounts/student/register/ (product-spec sections 2, 6, 7). */
class RegisterStudentTest extends ApiTest {

    private static final String PATH = "/api/accounts/student/register/";

    private ApiResponse register(String body) {
        return http.post(PATH, body);
    }

    private long users() {
        return jdbc.queryForObject("SELECT count(*) FROM users", Long.class);
    }

    private void assertRefused(ApiResponse response, String field, String... messages) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        List<String> actual = new ArrayList<>();
        response.json().get(field).forEach(message -> actual.add(message.asString()));
        assertThat(actual).containsExactly(messages);
    }

    @Test
    void registrationCreatesAnActiveStudentWithAnEmptyWallet() {
        Map<String, Object> body = account("sara@edutrack.test");
        body.put("parent_phone", "+201009876543");
        body.put("grade", "Grade 12");
        ApiResponse response = register(json(body));

        assertThat(response.status()).isEqualTo(201);
        JsonNode user = response.json();
        assertThat(user.get("email").asString()).isEqualTo("sara@edutrack.test");
        assertThat(user.get("full_name").asString()).isEqualTo("Sara Ali");
        assertThat(user.get("role").asString()).isEqualTo("student");
        assertThat(user.get("is_active").asBoolean()).isTrue();
        assertThat(user.has("password")).isFalse();
        Map<String, Object> profile = jdbc.queryForMap(
                "SELECT parent_phone, grade, wallet_balance::text AS balance FROM student_profiles WHERE user_id = ?",
                user.get("id").asLong());
        assertThat(profile).containsEntry("parent_phone", "+201009876543").containsEntry("grade", "Grade 12")
                .containsEntry("balance", "0.00");
    }

    @Test
    void registrationSetsNoCookiesButTheStudentCanLogIn() {
        ApiResponse response = register(json(account("sara@edutrack.test")));
        assertThat(response.headerValues("Set-Cookie")).isEmpty();

        ApiResponse login = http.post("/api/accounts/login/",
                "{\"email\": \"sara@edutrack.test\", \"password\": \"" + AccountBodies.PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("user").get("role").asString()).isEqualTo("student");
    }

    @Test
    void passwordIsStoredAsAnArgon2idHash() {
        register(json(account("sara@edutrack.test")));
        String hash = jdbc.queryForObject("SELECT password_hash FROM users WHERE email = 'sara@edutrack.test'", String.class);
        assertThat(hash).startsWith("$argon2id$").doesNotContain(AccountBodies.PASSWORD);
    }

    @Test
    void textFieldsAreTrimmedAndTheEmailDomainLowerCased() {
        Map<String, Object> body = account("Sara.Ali@EduTrack.TEST");
        body.put("first_name", "  Sara ");
        ApiResponse response = register(json(body));
        assertThat(response.json().get("email").asString()).isEqualTo("Sara.Ali@edutrack.test");
        assertThat(response.json().get("first_name").asString()).isEqualTo("Sara");
    }

    @Test
    void takenEmailIsRefusedWhateverItsCase() {
        assertThat(register(json(account("sara@edutrack.test"))).status()).isEqualTo(201);
        assertRefused(register(json(account("SARA@EduTrack.test"))), "email", "user with this email already exists.");
        assertThat(users()).isEqualTo(2); // the site owner and the first Sara
    }

    @Test
    void shortPasswordIsRefusedWithDjangosMessage() {
        assertRefused(register(account("sara@edutrack.test", "password", "Ab3$xyz")), "password",
                "This password is too short. It must contain at least 8 characters.");
        assertThat(users()).isEqualTo(1);
    }

    @Test
    void numericPasswordIsRefused() {
        assertRefused(register(account("sara@edutrack.test", "password", "90817263545")), "password",
                "This password is entirely numeric.");
    }

    @Test
    void commonPasswordIsRefusedWhateverItsCase() {
        assertRefused(register(account("sara@edutrack.test", "password", "PassWord123")), "password",
                "This password is too common.");
    }

    @Test
    void passwordContainingTheEmailNameIsTooSimilar() {
        assertRefused(register(account("sara.ali@edutrack.test", "password", "my-SARA.ALI-secret")), "password",
                "The password is too similar to the email.");
    }

    @Test
    void everyBrokenPasswordRuleIsListedInDjangosOrder() {
        assertRefused(register(account("sara@edutrack.test", "password", "123456")), "password",
                "This password is too short. It must contain at least 8 characters.",
                "This password is too common.",
                "This password is entirely numeric.");
    }

    @Test
    void everyInvalidFieldIsReportedTogether() {
        register(json(account("sara@edutrack.test")));
        Map<String, Object> body = account("sara@edutrack.test");
        body.put("password", "short");
        ApiResponse response = register(json(body));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().propertyNames()).containsExactly("email", "password");
    }

    @Test
    void missingRequiredFieldsAreRequired() {
        ApiResponse response = register("{}");
        assertThat(response.status()).isEqualTo(400);
        for (String field : List.of("email", "password", "first_name", "last_name", "phone")) {
            assertThat(response.json().get(field).get(0).asString()).as(field).isEqualTo("This field is required.");
        }
        assertThat(users()).isEqualTo(1);
    }

    @Test
    void blankFieldsMayNotBeBlank() {
        for (String field : List.of("first_name", "last_name", "phone", "password")) {
            assertRefused(register(account("sara@edutrack.test", field, "")), field, "This field may not be blank.");
        }
        assertRefused(register(account("sara@edutrack.test", "first_name", " \t ")), "first_name",
                "This field may not be blank.");
        assertThat(users()).isEqualTo(1);
    }

    @Test
    void tooLongFieldsAreRefused() {
        assertRefused(register(account("sara@edutrack.test", "first_name", "x".repeat(151))), "first_name",
                "Ensure this field has no more than 150 characters.");
        assertRefused(register(account("sara@edutrack.test", "grade", "x".repeat(151))), "grade",
                "Ensure this field has no more than 150 characters.");
        String longEmail = "sara.ali@" + ("d".repeat(60) + ".").repeat(4) + "com"; // well formed, 256 characters
        assertRefused(register(json(account(longEmail))), "email",
                "Ensure this field has no more than 254 characters.");
        assertThat(users()).isEqualTo(1);
    }

    @Test
    void badEmailIsRefused() {
        assertRefused(register(json(account("not-an-email"))), "email", "Enter a valid email address.");
        assertThat(users()).isEqualTo(1);
    }

    @Test
    void wrongJsonTypeIsAFieldError() {
        assertRefused(register(account("sara@edutrack.test", "phone", List.of("+20"))), "phone", "Not a valid string.");
    }

    @Test
    void malformedJsonIsAParseError() {
        ApiResponse response = register("{\"email\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).startsWith("JSON parse error - ");
    }

    @Test
    void concurrentRegistrationsOfOneEmailCreateOneAccount() throws Exception {
        int attempts = 10;
        ExecutorService pool = Executors.newFixedThreadPool(attempts);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                String email = i % 2 == 0 ? "race@edutrack.test" : "RACE@edutrack.test";
                statuses.add(pool.submit(() -> {
                    start.await();
                    ApiResponse response = register(json(account(email)));
                    if (response.status() == 400) {
                        assertThat(response.json().get("email").get(0).asString())
                                .isEqualTo("user with this email already exists.");
                    }
                    return response.status();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> status : statuses) {
                results.add(status.get());
            }
            assertThat(results).containsOnly(201, 400).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE lower(email) = 'race@edutrack.test'", Long.class))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM student_profiles", Long.class)).isEqualTo(1);
    }

    @Test
    void parallelRegistrationsFromOneAddressGetTenAMinuteAndTheRestAreThrottled() throws Exception {
        List<ApiResponse> answers = Concurrently.send(20, i -> register(json(account("student" + i + "@edutrack.test"))));

        assertThat(Concurrently.statusCount(answers, 201)).isEqualTo(RegistrationThrottle.PER_ADDRESS);
        assertThat(Concurrently.statusCount(answers, 429)).isEqualTo(20 - RegistrationThrottle.PER_ADDRESS);
        for (ApiResponse throttled : answers.stream().filter(a -> a.status() == 429).toList()) {
            long retryAfter = Long.parseLong(throttled.header("Retry-After").orElseThrow());
            assertThat(retryAfter).isBetween(1L, 60L);
            assertThat(throttled.json().get("detail").asString())
                    .isEqualTo("Request was throttled. Expected available in " + retryAfter + " seconds.");
        }
        assertThat(users()).isEqualTo(1 + RegistrationThrottle.PER_ADDRESS);
    }

    @Test
    void theRegistrationThrottleLiftsWhenTheMinuteHasPassed() {
        jdbc.update("INSERT INTO registration_attempts (client_address) SELECT '127.0.0.1' FROM generate_series(1, 10)");
        jdbc.update("INSERT INTO registration_attempts (client_address) SELECT '0:0:0:0:0:0:0:1' FROM generate_series(1, 10)");
        assertThat(register(json(account("sara@edutrack.test"))).status()).isEqualTo(429);
        jdbc.update("UPDATE registration_attempts SET attempted_at = attempted_at - interval '61 seconds'");
        assertThat(register(json(account("sara@edutrack.test"))).status()).isEqualTo(201);
    }
}
