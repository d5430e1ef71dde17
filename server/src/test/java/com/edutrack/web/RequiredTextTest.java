package com.edutrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Product-spec section 9: a required text is stripped, as DRF's CharField does, and what is left may not be
 * blank. Whitespace-only names used to be stored as "". Passwords are the exception: kept as typed.
 */
class RequiredTextTest extends ApiTest {

    private ApiResponse createSubject(String body) {
        return given.as(given.siteOwner()).post("/api/accounts/subjects/", body);
    }

    @Test
    void whitespaceOnlySubjectNameAndDescriptionAreBlank() {
        ApiResponse response = createSubject("{\"name\": \"   \", \"description\": \"\\t\\n\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("name").get(0).asString()).isEqualTo("This field may not be blank.");
        assertThat(response.json().get("description").get(0).asString()).isEqualTo("This field may not be blank.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subjects", Long.class)).isZero();
    }

    @Test
    void requiredTextsAreStoredStripped() {
        ApiResponse response = createSubject("{\"name\": \"  Chemistry \", \"description\": \" Atoms and bonds.\\n\"}");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("name").asString()).isEqualTo("Chemistry");
        assertThat(response.json().get("description").asString()).isEqualTo("Atoms and bonds.");
        assertThat(jdbc.queryForMap("SELECT name, description FROM subjects"))
                .isEqualTo(Map.of("name", "Chemistry", "description", "Atoms and bonds."));
    }

    @Test
    void aWhitespaceOnlyRechargeCodeIsBlank() {
        ApiResponse response = given.as(given.student("Sara", "0.00")).post("/api/accounts/wallet/redeem/",
                "{\"code\": \"  \"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"code\":[\"This field may not be blank.\"]}");
    }

    @Test
    void aPasswordIsKeptAsTyped() {
        // Stripping a password would lock out whoever chose one with surrounding spaces.
        ApiResponse registered = http.post("/api/accounts/student/register/", """
                {"email": " nour@edutrack.test ", "password": "  Study-hard-2026 ", "first_name": " Nour ",
                 "last_name": "Samir", "phone": "+201001234567"}""");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("email").asString()).isEqualTo("nour@edutrack.test");
        assertThat(registered.json().get("first_name").asString()).isEqualTo("Nour");
        assertThat(http.post("/api/accounts/login/", "{\"email\": \"nour@edutrack.test \", \"password\": \"Study-hard-2026\"}")
                .status()).isEqualTo(401);
        assertThat(http.post("/api/accounts/login/", "{\"email\": \" nour@edutrack.test\", \"password\": \"  Study-hard-2026 \"}")
                .status()).isEqualTo(200);
    }
}
