package com.edutrack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.Http;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.TestPropertySource;

/**
 * /actuator/prometheus on a management port of its own, as production runs it (MANAGEMENT_SERVER_PORT):
 * requests by route template, the pool and the JVM, and the service's own counters, scraped over HTTP
 * the way Prometheus does.
 */
@TestPropertySource(properties = "management.server.port=0")
class MetricsTest extends ApiTest {

    @LocalManagementPort
    private int managementPort;

    private String scrape() {
        ApiResponse scraped = http.at(managementPort).get("/actuator/prometheus");
        assertThat(scraped.status()).isEqualTo(200);
        return scraped.body();
    }

    /** The value of one series ({@code name{labels}} exactly as exposed), 0 when not exposed yet. */
    private static double sample(String scrape, String series) {
        return Arrays.stream(scrape.split("\n")).filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1).trim()))
                .findFirst().orElse(0);
    }

    private ApiResponse login(String email, String password) {
        return http.post("/api/accounts/login/", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
    }

    @Test
    void requestsAreCountedByRouteTemplateNeverByRawPath() {
        long physics = given.subject("Physics");
        Account mona = given.teacher("Mona", physics);
        long mechanics = given.course("Mechanics", mona, physics, "10.00", true);
        long optics = given.course("Optics", mona, physics, "10.00", true);
        Http asMona = given.as(mona);
        assertThat(asMona.get("/api/courses/" + mechanics + "/").status()).isEqualTo(200);
        assertThat(asMona.get("/api/courses/" + optics + "/").status()).isEqualTo(200);
        assertThat(asMona.get("/api/courses/987654321/").status()).isEqualTo(404);
        assertThat(http.get("/api/no-such-route-24680/").status()).isEqualTo(404);
        assertThat(http.get("/totally/unknown/13579").status()).isEqualTo(404);

        String scrape = scrape();
        assertThat(scrape).contains("http_server_requests_seconds_count{")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"200\",uri=\"/api/courses/\\{id}/\"} [1-9]")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"404\",uri=\"/api/courses/\\{id}/\"} [1-9]");
        // Ids and unknown paths never become series of their own: they would grow without bound.
        assertThat(scrape).doesNotContain("/api/courses/" + mechanics + "/", "/api/courses/" + optics + "/",
                "987654321", "24680", "13579");
        assertThat(scrape).contains("hikaricp_connections_active{", "hikaricp_connections_max{",
                "hikaricp_connections_pending{", "jvm_memory_used_bytes{", "jvm_threads_live_threads");
    }

    @Test
    void thePublicPortHasNoActuator() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator"}) {
            ApiResponse answer = http.get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.json().get("detail").asString()).isEqualTo("Not found.");
        }
        assertThat(http.at(managementPort).get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void loginsAreCountedByOutcome() {
        Account sara = given.student("Sara", "0.00");
        Account laila = given.student("Laila", "0.00");
        given.deactivate(laila);
        String before = scrape();

        assertThat(login(sara.email(), Fixtures.PASSWORD).status()).isEqualTo(200);
        assertThat(login(sara.email(), "Wrong-password-1").status()).isEqualTo(401);
        assertThat(login("nobody@edutrack.test", "Wrong-password-1").status()).isEqualTo(401);
        assertThat(login(laila.email(), Fixtures.PASSWORD).status()).isEqualTo(403);
        ApiResponse throttled = login(sara.email(), "Wrong-password-1");
        for (int i = 0; i < 20 && throttled.status() == 401; i++) {
            throttled = login(sara.email(), "Wrong-password-1");
        }
        assertThat(throttled.status()).isEqualTo(429);

        String after = scrape();
        assertThat(sample(after, "edutrack_logins_total{outcome=\"ok\"}") - sample(before, "edutrack_logins_total{outcome=\"ok\"}"))
                .isEqualTo(1);
        assertThat(sample(after, "edutrack_logins_total{outcome=\"inactive\"}")
                - sample(before, "edutrack_logins_total{outcome=\"inactive\"}")).isEqualTo(1);
        assertThat(sample(after, "edutrack_logins_total{outcome=\"throttled\"}")
                - sample(before, "edutrack_logins_total{outcome=\"throttled\"}")).isEqualTo(1);
        // The two refusals above, and each refused attempt that led up to the throttle.
        assertThat(sample(after, "edutrack_logins_total{outcome=\"wrong_password\"}")
                - sample(before, "edutrack_logins_total{outcome=\"wrong_password\"}")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void refreshesAndDetectedReusesAreCounted() {
        Account sara = given.student("Sara", "0.00");
        String first = login(sara.email(), Fixtures.PASSWORD).cookie("refresh_token").orElseThrow().getValue();
        String before = scrape();

        assertThat(http.post("/api/accounts/token/refresh/", "{\"refresh\": \"" + first + "\"}").status()).isEqualTo(200);
        assertThat(http.post("/api/accounts/token/refresh/", "{\"refresh\": \"" + first + "\"}").status()).isEqualTo(401);

        String after = scrape();
        assertThat(sample(after, "edutrack_token_refreshes_total") - sample(before, "edutrack_token_refreshes_total"))
                .isEqualTo(1);
        assertThat(sample(after, "edutrack_token_reuses_total") - sample(before, "edutrack_token_reuses_total"))
                .isEqualTo(1);
    }

    @Test
    void purchasesAndRedeemedCodesAreCountedWithTheirAmounts() {
        Account sara = given.student("Sara", "100.00");
        long physics = given.subject("Physics");
        long course = given.course("Mechanics", given.teacher("Mona", physics), physics, "60.00", true);
        jdbc.update("INSERT INTO recharge_codes (code, amount, expires_at) VALUES ('AAAABBBBCCCCDDDD', 25.50, now() + interval '1 day')");
        String before = scrape();

        Http asSara = given.as(sara);
        assertThat(asSara.post("/api/courses/purchases/buy/", "{\"course_id\": " + course + "}").status()).isEqualTo(201);
        // Refused: bought already. Not a purchase.
        assertThat(asSara.post("/api/courses/purchases/buy/", "{\"course_id\": " + course + "}").status()).isEqualTo(400);
        assertThat(asSara.post("/api/accounts/wallet/redeem/", "{\"code\": \"AAAABBBBCCCCDDDD\"}").status()).isEqualTo(200);

        String after = scrape();
        assertThat(sample(after, "edutrack_purchases_count") - sample(before, "edutrack_purchases_count")).isEqualTo(1);
        assertThat(sample(after, "edutrack_purchases_sum") - sample(before, "edutrack_purchases_sum")).isEqualTo(60.0);
        assertThat(sample(after, "edutrack_recharge_redeemed_count") - sample(before, "edutrack_recharge_redeemed_count"))
                .isEqualTo(1);
        assertThat(sample(after, "edutrack_recharge_redeemed_sum") - sample(before, "edutrack_recharge_redeemed_sum"))
                .isEqualTo(25.5);
    }
}
