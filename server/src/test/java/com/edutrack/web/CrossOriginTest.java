package com.edutrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import org.junit.jupiter.api.Test;

/** Product-spec section 3: CORS with credentials for the frontend's origin, nothing for others. */
class CrossOriginTest extends ApiTest {

    private ApiResponse preflight(String origin) {
        return http.with("Origin", origin).with("Access-Control-Request-Method", "POST")
                .with("Access-Control-Request-Headers", "content-type")
                .send("OPTIONS", "/api/accounts/login/", null, null);
    }

    @Test
    void trustedOriginPreflightIsAnsweredWithCredentials() {
        ApiResponse response = preflight("http://localhost:3000");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(response.header("Access-Control-Allow-Credentials")).contains("true");
        assertThat(response.header("Access-Control-Allow-Methods").orElseThrow()).contains("POST");
    }

    @Test
    void untrustedOriginPreflightGetsNoCorsHeaders() {
        ApiResponse response = preflight("https://evil.example");
        assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.header("Access-Control-Allow-Credentials")).isEmpty();
    }

    @Test
    void trustedOriginRequestsGetCorsHeaders() {
        ApiResponse response = http.with("Origin", "http://localhost:3000").get("/api/accounts/subjects/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).contains("http://localhost:3000");
        assertThat(response.header("Access-Control-Allow-Credentials")).contains("true");
    }

    @Test
    void untrustedOriginRequestsAreAnsweredWithoutCorsHeaders() {
        ApiResponse response = http.with("Origin", "https://evil.example").get("/api/accounts/subjects/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
