package com.edutrack.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import org.junit.jupiter.api.Test;

/** Regressions found by {@link SpecFuzzTest}: text PostgreSQL cannot store used to answer 500. */
class StorableTextTest extends ApiTest {

    @Test
    void aNulCharacterIsAFieldError() {
        ApiResponse response = given.as(given.siteOwner()).post("/api/accounts/subjects/",
                "{\"name\": \"Phy\\u0000sics\", \"description\": \"x\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("name").get(0).asString()).isEqualTo("Null characters are not allowed.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM subjects", Long.class)).isZero();
    }

    @Test
    void aNulCharacterInARechargeCodeIsAFieldError() {
        ApiResponse response = given.as(given.student("Sara", "0.00")).post("/api/accounts/wallet/redeem/",
                "{\"code\": \"ABC\\u0000\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").get(0).asString()).isEqualTo("Null characters are not allowed.");
    }

    @Test
    void halfASurrogatePairIsNotAValidString() {
        Fixtures.Account student = given.student("Omar", "0.00");
        ApiResponse response = http.post("/api/accounts/login/",
                "{\"email\": \"" + student.email() + "\", \"password\": \"pass\\ud800word\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("password").get(0).asString()).isEqualTo("Not a valid string.");
    }

    @Test
    void aCompleteSurrogatePairIsText() {
        ApiResponse response = given.as(given.siteOwner()).post("/api/accounts/subjects/",
                "{\"name\": \"Music \\ud83c\\udfb5\", \"description\": \"x\"}");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("name").asString()).isEqualTo("Music \uD83C\uDFB5");
    }
}
