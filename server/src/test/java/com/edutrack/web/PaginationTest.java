package com.edutrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Product-spec section 5, on the subjects list. */
class PaginationTest extends ApiTest {

    private static final int SUBJECTS = 250;

    @BeforeEach
    void subjects() {
        jdbc.update("INSERT INTO subjects (name, description) "
                + "SELECT 'Subject ' || lpad(n::text, 3, '0'), 'About ' || n FROM generate_series(1, ?) n", SUBJECTS);
    }

    private String url(String pathAndQuery) {
        return "http://localhost:" + port + pathAndQuery;
    }

    @Test
    void firstPageHasFiftyRowsAndAnAbsoluteNextLink() {
        JsonNode body = http.get("/api/accounts/subjects/").json();
        assertThat(body.get("count").asLong()).isEqualTo(SUBJECTS);
        assertThat(body.get("results")).hasSize(50);
        assertThat(body.get("results").get(0).get("name").asString()).isEqualTo("Subject 001");
        assertThat(body.get("next").asString()).isEqualTo(url("/api/accounts/subjects/?page=2"));
        assertThat(body.get("previous").isNull()).isTrue();
    }

    @Test
    void linksKeepTheOtherQueryParameters() {
        JsonNode body = http.get("/api/accounts/subjects/?page_size=20&page=3").json();
        assertThat(body.get("results").get(0).get("name").asString()).isEqualTo("Subject 041");
        assertThat(body.get("next").asString()).isEqualTo(url("/api/accounts/subjects/?page_size=20&page=4"));
        assertThat(body.get("previous").asString()).isEqualTo(url("/api/accounts/subjects/?page_size=20&page=2"));
    }

    @Test
    void previousOfPageTwoIsTheFirstPageWithoutAPageParameter() {
        JsonNode body = http.get("/api/accounts/subjects/?page=2&page_size=100").json();
        assertThat(body.get("previous").asString()).isEqualTo(url("/api/accounts/subjects/?page_size=100"));
    }

    @Test
    void lastPageHasTheRemainderAndNoNextLink() {
        JsonNode body = http.get("/api/accounts/subjects/?page=5").json();
        assertThat(body.get("results")).hasSize(50);
        assertThat(body.get("next").isNull()).isTrue();
        JsonNode partial = http.get("/api/accounts/subjects/?page=3&page_size=100").json();
        assertThat(partial.get("results")).hasSize(50);
        assertThat(partial.get("next").isNull()).isTrue();
    }

    @Test
    void pagePastTheEndIsInvalid() {
        ApiResponse response = http.get("/api/accounts/subjects/?page=6");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).isEqualTo("Invalid page.");
    }

    @Test
    void pageThatIsNotAPositiveNumberIsInvalid() {
        for (String page : List.of("abc", "0", "-1", "1.5", "99999999999999999999")) {
            ApiResponse response = http.get("/api/accounts/subjects/?page=" + page);
            assertThat(response.status()).as("page=" + page).isEqualTo(404);
            assertThat(response.json().get("detail").asString()).isEqualTo("Invalid page.");
        }
    }

    @Test
    void firstPageOfAnEmptyListIsValid() {
        jdbc.update("DELETE FROM subjects");
        JsonNode body = http.get("/api/accounts/subjects/").json();
        assertThat(body.get("count").asLong()).isZero();
        assertThat(body.get("results")).isEmpty();
        assertThat(http.get("/api/accounts/subjects/?page=2").status()).isEqualTo(404);
    }

    @Test
    void pageSizeIsCappedAtTwoHundred() {
        JsonNode body = http.get("/api/accounts/subjects/?page_size=500").json();
        assertThat(body.get("results")).hasSize(200);
        assertThat(body.get("next").asString()).isEqualTo(url("/api/accounts/subjects/?page_size=500&page=2"));
    }

    @Test
    void pageSizeOfTenOrMoreDigitsIsCappedAtTwoHundred() {
        // It does not fit the generated int parameter, yet it is as large a value as 500.
        for (String size : List.of("99999999999", "99999999999999999999", "0000000000300")) {
            JsonNode body = http.get("/api/accounts/subjects/?page_size=" + size).json();
            assertThat(body.get("results")).as("page_size=" + size).hasSize(200);
        }
        assertThat(http.get("/api/accounts/subjects/?page_size=00000000000000000007").json().get("results")).hasSize(7);
    }

    @Test
    void badPageSizeFallsBackToFifty() {
        for (String size : List.of("abc", "0", "-3", "", "2.5", "-99999999999")) {
            JsonNode body = http.get("/api/accounts/subjects/?page_size=" + size).json();
            assertThat(body.get("results")).as("page_size=" + size).hasSize(50);
        }
    }

    @Test
    void allTrueReturnsEveryRowWithoutLinks() {
        jdbc.update("INSERT INTO subjects (name) SELECT 'Extra ' || n FROM generate_series(1, 2000) n");
        ApiResponse response = http.get("/api/accounts/subjects/?all=true");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("count").asLong()).isEqualTo(SUBJECTS + 2000);
        assertThat(body.get("results")).hasSize(SUBJECTS + 2000);
        assertThat(body.has("next")).isFalse();
        assertThat(body.has("previous")).isFalse();
        List<String> names = new ArrayList<>();
        body.get("results").forEach(row -> names.add(row.get("name").asString()));
        assertThat(names).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void allFalseIsTheUsualFirstPage() {
        JsonNode body = http.get("/api/accounts/subjects/?all=false").json();
        assertThat(body.get("results")).hasSize(50);
    }

    @Test
    void allThatIsNotABooleanIsAFieldError() {
        ApiResponse response = http.get("/api/accounts/subjects/?all=maybe");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("all").get(0).asString()).isEqualTo("Must be a valid boolean.");
    }

    @Test
    void streamingReleasesItsConnection() {
        // More ?all=true requests than the pool has connections: each must give its connection back.
        for (int i = 0; i < 40; i++) {
            assertThat(http.get("/api/accounts/subjects/?all=true").status()).isEqualTo(200);
        }
        assertThat(http.get("/api/accounts/subjects/").status()).isEqualTo(200);
    }
}
