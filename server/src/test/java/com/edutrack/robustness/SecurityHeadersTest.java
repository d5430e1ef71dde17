package com.edutrack.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Fixtures.Account;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every kind of answer carries the browser-hardening headers and no Server header, errors included,
 * whichever layer answered: the controllers, Spring's error handling, a filter before Spring Security,
 * or Tomcat itself. (The 500 and 503 paths are checked where they can be caused: {@link DatabaseFaultTest}.)
 */
class SecurityHeadersTest extends ApiTest {

    static void assertHardened(ApiResponse response) {
        assertThat(response.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(response.header("X-Frame-Options")).contains("DENY");
        assertThat(response.header("Referrer-Policy")).isPresent();
        assertThat(response.header("Server")).isEmpty();
    }

    @Test
    void everyKindOfAnswerIsHardened() {
        Account sara = given.student("Sara", "0.00");
        String wrongLogin = "{\"email\": \"" + sara.email() + "\", \"password\": \"Wrong-password-1\"}";
        for (int i = 0; i < 10; i++) {
            http.post("/api/accounts/login/", wrongLogin);
        }
        Map<Integer, ApiResponse> answers = new LinkedHashMap<>();
        answers.put(200, http.get("/api/accounts/subjects/"));
        answers.put(201, given.as(given.siteOwner()).post("/api/accounts/subjects/", "{\"name\": \"Art\", \"description\": \"Drawing\"}"));
        answers.put(400, given.as(given.siteOwner()).post("/api/accounts/subjects/", "{\"name\": "));
        answers.put(401, http.get("/api/accounts/me/"));
        answers.put(403, given.as(sara).get("/api/accounts/students/"));
        answers.put(404, http.get("/api/no/such/route/"));
        answers.put(405, http.send("DELETE", "/api/accounts/subjects/", null, null));
        answers.put(413, http.post("/api/accounts/login/", "{\"email\": \"" + "x".repeat(1024 * 1024) + "\"}"));
        answers.put(415, http.send("POST", "/api/accounts/login/", "text/plain", "hello"));
        answers.put(429, http.post("/api/accounts/login/", wrongLogin));
        answers.forEach((status, response) -> {
            assertThat(response.status()).as("sample for %d", status).isEqualTo(status);
            assertHardened(response);
        });
        ApiResponse refusedByTomcat = http.get("/api/accounts/subjects/%00/");
        assertThat(refusedByTomcat.status()).isEqualTo(400);
        assertHardened(refusedByTomcat);
        ApiResponse login = http.post("/api/accounts/login/",
                "{\"email\": \"" + given.student("Omar", "0.00").email() + "\", \"password\": \"" + Fixtures.PASSWORD + "\"}");
        assertHardened(login);
    }
}
