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

    private ApiResponse createSubject(String contentType, String body) {
        return given.as(given.siteOwner()).send("POST", "/api/accounts/subjects/", contentType, body);
    }

    @Test
    void malformedJsonIsAParseError() {
        ApiResponse response = createSubject("application/json", "{\"name\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).startsWith("JSON parse error - ");
    }

    @Test
    void aBodyThatIsNotAnObjectIsANonFieldError() {
        ApiResponse response = createSubject("application/json", "[1, 2]");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("non_field_errors").get(0).asString())
                .isEqualTo("Invalid data. Expected a dictionary, but got list.");
    }

    @Test
    void notJsonIsAnUnsupportedMediaType() {
        ApiResponse response = createSubject("text/plain", "name=Physics");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().get("detail").asString()).isEqualTo("Unsupported media type \"text/plain\" in request.");
    }

    @Test
    void anEmptyBodyListsTheRequiredFields() {
        ApiResponse response = createSubject("application/json", "");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("name").get(0).asString()).isEqualTo("This field is required.");
    }

    @Test
    void fieldErrorsUseDrfMessages() {
        ApiResponse blank = createSubject("application/json", "{\"name\": \"\", \"description\": \"x\"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("name").get(0).asString()).isEqualTo("This field may not be blank.");

        ApiResponse tooLong = createSubject("application/json",
                "{\"name\": \"" + "x".repeat(151) + "\", \"description\": \"x\"}");
        assertThat(tooLong.json().get("name").get(0).asString())
                .isEqualTo("Ensure this field has no more than 150 characters.");

        ApiResponse wrongType = createSubject("application/json", "{\"name\": {\"a\": 1}, \"description\": \"x\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("name").get(0).asString()).isEqualTo("Not a valid string.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subjects", Long.class)).isZero();
    }

    @Test
    void aBrokenUniqueRuleIsAFieldError() {
        assertThat(createSubject("application/json", "{\"name\": \"Physics\", \"description\": \"x\"}").status())
                .isEqualTo(201);
        ApiResponse again = createSubject("application/json", "{\"name\": \"physics\", \"description\": \"y\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("name").get(0).asString()).isEqualTo("subject with this name already exists.");
    }

    @Test
    void aBodyOverTheLimitIsTooLarge() {
        String huge = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\", \"description\": \"x\"}";
        ApiResponse response = createSubject("application/json", huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).isEqualTo("Request body is too large.");
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

    @Test
    void aRequestTomcatRefusesGetsADrfBodyToo() {
        ApiResponse nulInPath = http.get("/api/accounts/subjects/%00/");
        assertThat(nulInPath.status()).isEqualTo(400);
        assertThat(nulInPath.header("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(nulInPath.json().get("detail").asString()).isEqualTo("Bad request.");

        ApiResponse hugeHeader = http.with("X-Padding", "x".repeat(10_000)).get("/api/accounts/subjects/");
        assertThat(hugeHeader.status()).isEqualTo(400);
        assertThat(hugeHeader.json().get("detail").asString()).isEqualTo("Bad request.");
    }
}
