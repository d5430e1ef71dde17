package com.edutrack.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.Concurrently;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Product-spec section 7: an Idempotency-Key makes a retried buy answer the first result. */
class BuyIdempotencyTest extends WalletApiTest {

    private static final String KEY = "3f0c9a52-7d4e-4b8a-9c1e-2a6b5d8f0e11";

    private ApiResponse buyWithKey(Account student, long courseId, String key) {
        Http client = given.as(student).with("Idempotency-Key", key);
        return client.post(BUY, "{\"course_id\": " + courseId + "}");
    }

    @Test
    void aRetryWithTheSameKeyAnswersTheFirstResponseAndDebitsOnce() {
        Account sara = given.student("Sara", "100.00");
        long course = publishedCourse("Mechanics", "60.00");
        ApiResponse first = buyWithKey(sara, course, KEY);
        ApiResponse retry = buyWithKey(sara, course, KEY);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertBoughtOnce(sara, "40.00");
    }

    @Test
    void theSameKeyWithADifferentBodyIsRejected() {
        Account sara = given.student("Sara", "100.00");
        long mechanics = publishedCourse("Mechanics", "30.00");
        long optics = publishedCourse("Optics", "30.00");
        assertThat(buyWithKey(sara, mechanics, KEY).status()).isEqualTo(201);
        ApiResponse other = buyWithKey(sara, optics, KEY);
        assertThat(other.status()).isEqualTo(400);
        assertThat(other.json().get("error").asString()).isEqualTo("Idempotency-Key was already used with a different request.");
        assertThat(balance(sara)).isEqualTo("70.00");
        assertThat(count("purchases", sara)).isEqualTo(1);
    }

    @Test
    void theFirstResponseIsKeptInTheDatabaseAndReplayedFromThere() {
        Account sara = given.student("Sara", "100.00");
        long course = publishedCourse("Mechanics", "60.00");
        ApiResponse first = buyWithKey(sara, course, KEY);
        Map<String, Object> stored = jdbc.queryForMap(
                "SELECT status_code, response_body FROM idempotency_keys WHERE student_id = ? AND key = ?", sara.id(), KEY);
        assertThat(stored.get("status_code")).isEqualTo(201);
        assertThat(stored.get("response_body")).isEqualTo(first.body());

        // A restarted server has nothing in memory: mark the stored body and the retry must answer it.
        String marked = first.body().replace("\"wallet_balance\":\"40.00\"", "\"wallet_balance\":\"12.34\"");
        assertThat(marked).isNotEqualTo(first.body());
        jdbc.update("UPDATE idempotency_keys SET response_body = ? WHERE student_id = ? AND key = ?", marked, sara.id(), KEY);
        ApiResponse retry = buyWithKey(sara, course, KEY);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(marked);
        assertThat(balance(sara)).isEqualTo("40.00");
    }

    @Test
    void concurrentRequestsWithOneKeyMakeOnePurchase() throws Exception {
        Account sara = given.student("Sara", "100.00");
        long course = publishedCourse("Mechanics", "60.00");
        List<ApiResponse> responses = Concurrently.send(10, i -> buyWithKey(sara, course, KEY));
        assertThat(Concurrently.statusCount(responses, 201)).isEqualTo(10);
        assertThat(responses).extracting(ApiResponse::body).containsOnly(responses.get(0).body());
        assertThat(balance(sara)).isEqualTo("40.00");
        assertThat(count("purchases", sara)).isEqualTo(1);
        assertThat(count("idempotency_keys", sara)).isEqualTo(1);
    }

    @Test
    void aRefusedBuyIsNotStoredSoItsRetryRunsAgain() {
        Account sara = given.student("Sara", "10.00");
        long course = publishedCourse("Mechanics", "60.00");
        assertThat(buyWithKey(sara, course, KEY).status()).isEqualTo(400);
        assertThat(count("idempotency_keys", sara)).isZero();
        jdbc.update("INSERT INTO recharge_codes (code, amount) VALUES ('AAAABBBBCCCCDDDD', 50.00)");
        given.as(sara).post("/api/accounts/wallet/redeem/", "{\"code\": \"AAAABBBBCCCCDDDD\"}");
        ApiResponse retry = buyWithKey(sara, course, KEY);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("wallet_balance").asString()).isEqualTo("0.00");
    }

    @Test
    void keysBelongToOneStudent() {
        Account sara = given.student("Sara", "100.00");
        Account omar = given.student("Omar", "100.00");
        long course = publishedCourse("Mechanics", "60.00");
        assertThat(buyWithKey(sara, course, KEY).status()).isEqualTo(201);
        ApiResponse omars = buyWithKey(omar, course, KEY);
        assertThat(omars.status()).isEqualTo(201);
        assertThat(omars.json().get("enrollment").get("student").get("id").asLong()).isEqualTo(omar.id());
        assertThat(balance(omar)).isEqualTo("40.00");
    }

    @Test
    void aBlankKeyCountsAsNoKey() {
        Account sara = given.student("Sara", "100.00");
        long course = publishedCourse("Mechanics", "60.00");
        assertThat(buyWithKey(sara, course, "").status()).isEqualTo(201);
        ApiResponse again = buyWithKey(sara, course, "");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asString()).isEqualTo("You have already purchased this course.");
        assertThat(count("idempotency_keys", sara)).isZero();
    }

    @Test
    void aKeyLongerThan255CharactersIsRejected() {
        Account sara = given.student("Sara", "100.00");
        long course = publishedCourse("Mechanics", "60.00");
        ApiResponse response = buyWithKey(sara, course, "k".repeat(256));
        assertThat(response.status()).isEqualTo(400);
        assertThat(count("purchases", sara)).isZero();
    }
}
