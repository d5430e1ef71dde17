package com.edutrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import org.junit.jupiter.api.Test;

/** Product-spec section 4 for the errors Spring itself raises: DRF bodies, never Spring's. */
class ErrorBodyTest extends ApiTest {

    @Test
    void unknownRouteIsNotFound() {
        for (String path : new String[] {"/api/nothing/here/", "/api/nothing/here", "/nothing", "/api/accounts/subjects/1/x/"}) {
            ApiResponse response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().get("detail").asString()).isEqualTo("Not found.");
            assertThat(response.json().size()).isEqualTo(1);
        }
    }

    @Test
    void wrongMethodIsNotAllowedWithAllow() {
        ApiResponse response = http.send("DELETE", "/api/accounts/subjects/", null, null);
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.json().get("detail").asString()).isEqualTo("Method \"DELETE\" not allowed.");
        assertThat(response.header("Allow").orElseThrow()).contains("GET").contains("POST");
    }

    @Test
    void routesAnswerWithAndWithoutTheTrailingSlash() {
        jdbc.update("INSERT INTO subjects (name) VALUES ('Physics')");
        ApiResponse slashed = http.get("/api/accounts/subjects/");
        ApiResponse bare = http.get("/api/accounts/subjects");
        assertThat(bare.status()).isEqualTo(200);
        assertThat(bare.body()).isEqualTo(slashed.body());
        assertThat(http.get("/api/accounts/subjects?page=1&page_size=1").json().get("results")).hasSize(1);
    }

    @Test
    void protectedEndpointWithoutCredentialsIsUnauthorized() {
        ApiResponse response = http.post("/api/accounts/subjects/", "{\"name\": \"Chemistry\"}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isEqualTo("Authentication credentials were not provided.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subjects", Long.class)).isZero();
    }

    @Test
    void errorsCarryNoStackTraceOrServerVersion() {
        ApiResponse response = http.send("POST", "/api/accounts/subjects/", "application/json", "{not json");
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("SQL");
        assertThat(response.header("Server")).isEmpty();
        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.header("X-Frame-Options")).contains("DENY");
    }
}
