package com.edutrack.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.Fixtures.Account;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Product-spec section 7: a student's own ledger, newest first, debits negative. */
class WalletTransactionsTest extends WalletApiTest {

    private static final String TRANSACTIONS = "/api/accounts/wallet/transactions/";

    @Test
    void transactionsAreNewestFirstWithSignedAmounts() {
        Account sara = given.student("Sara", "100.00");
        jdbc.update("INSERT INTO recharge_codes (code, amount) VALUES ('AAAABBBBCCCCDDDD', 50.00)");
        given.as(sara).post("/api/accounts/wallet/redeem/", "{\"code\": \"AAAABBBBCCCCDDDD\"}");
        long course = publishedCourse("Mechanics", "60.00");
        assertThat(buy(sara, course).status()).isEqualTo(201);

        JsonNode body = given.as(sara).get(TRANSACTIONS).json();
        assertThat(body.get("count").asInt()).isEqualTo(3);
        JsonNode purchase = body.get("results").get(0);
        assertThat(purchase.get("kind").asString()).isEqualTo("purchase");
        assertThat(purchase.get("amount").asString()).isEqualTo("-60.00");
        assertThat(purchase.get("balance_after").asString()).isEqualTo("90.00");
        assertThat(purchase.get("reference").asString()).isEqualTo("course:" + course);
        JsonNode recharge = body.get("results").get(1);
        assertThat(recharge.get("kind").asString()).isEqualTo("recharge");
        assertThat(recharge.get("amount").asString()).isEqualTo("50.00");
        assertThat(recharge.get("balance_after").asString()).isEqualTo("150.00");
        assertThat(body.get("results").get(2).get("balance_after").asString()).isEqualTo("100.00");
        assertThat(balance(sara)).isEqualTo("90.00");
    }

    @Test
    void aStudentSeesOnlyTheirOwnLedger() {
        given.student("Sara", "100.00");
        Account omar = given.student("Omar", "0.00");
        JsonNode body = given.as(omar).get(TRANSACTIONS).json();
        assertThat(body.get("count").asInt()).isZero();
        assertThat(body.get("results")).isEmpty();
    }

    @Test
    void ledgerIsPaginated() {
        Account sara = given.student("Sara", "10.00");
        jdbc.update("INSERT INTO recharge_codes (code, amount) SELECT 'CODE' || lpad(n::text, 12, '0'), 1.00 "
                + "FROM generate_series(1, 4) n");
        for (int n = 1; n <= 4; n++) {
            given.as(sara).post("/api/accounts/wallet/redeem/", "{\"code\": \"CODE" + "0".repeat(11) + n + "\"}");
        }
        JsonNode page = given.as(sara).get(TRANSACTIONS + "?page_size=2&page=2").json();
        assertThat(page.get("count").asInt()).isEqualTo(5);
        assertThat(page.get("results").get(0).get("balance_after").asString()).isEqualTo("12.00");
        assertThat(page.get("results").get(1).get("balance_after").asString()).isEqualTo("11.00");
    }
}
