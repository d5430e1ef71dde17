package com.edutrack.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.Concurrently;
import com.edutrack.testing.Fixtures.Account;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Product-spec section 7: a student redeems a recharge code into the wallet, once. */
class RedeemCodeTest extends WalletApiTest {

    private static final String REDEEM = "/api/accounts/wallet/redeem/";

    private void code(String code, String amount, String expiry) {
        jdbc.update("INSERT INTO recharge_codes (code, amount, expires_at) VALUES (?, ?::numeric, now() + ?::interval)",
                code, amount, expiry);
    }

    private ApiResponse redeem(Account student, String code) {
        return given.as(student).post(REDEEM, "{\"code\": \"" + code + "\"}");
    }

    private void assertInvalidCode(ApiResponse response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("code").get(0).asString()).isEqualTo("Invalid or already used code.");
    }

    @Test
    void redeemingCreditsTheWalletWithARechargeEntry() {
        Account sara = given.student("Sara", "100.00");
        code("AAAABBBBCCCCDDDD", "200.00", "1 day");
        ApiResponse response = redeem(sara, "AAAABBBBCCCCDDDD");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("wallet_balance").asString()).isEqualTo("300.00");
        JsonNode entry = body.get("transaction");
        assertThat(entry.get("kind").asString()).isEqualTo("recharge");
        assertThat(entry.get("amount").asString()).isEqualTo("200.00");
        assertThat(entry.get("balance_after").asString()).isEqualTo("300.00");
        assertThat(entry.get("reference").asString()).isEqualTo("code:AAAABBBBCCCCDDDD");
        assertThat(balance(sara)).isEqualTo("300.00");
        assertThat(jdbc.queryForObject("SELECT redeemed_by FROM recharge_codes WHERE code = 'AAAABBBBCCCCDDDD'", Long.class))
                .isEqualTo(sara.id());
    }

    @Test
    void codesMatchIgnoringCaseAndSurroundingSpaces() {
        Account sara = given.student("Sara", "0.00");
        code("AAAABBBBCCCCDDDD", "20.00", "1 day");
        assertThat(redeem(sara, "  aaaabbbbccccdddd ").status()).isEqualTo(200);
        assertThat(balance(sara)).isEqualTo("20.00");
    }

    @Test
    void aUsedCodeIsRejected() {
        Account sara = given.student("Sara", "0.00");
        Account omar = given.student("Omar", "0.00");
        code("AAAABBBBCCCCDDDD", "200.00", "1 day");
        assertThat(redeem(sara, "AAAABBBBCCCCDDDD").status()).isEqualTo(200);
        assertInvalidCode(redeem(sara, "AAAABBBBCCCCDDDD"));
        assertInvalidCode(redeem(omar, "AAAABBBBCCCCDDDD"));
        assertThat(balance(sara)).isEqualTo("200.00");
        assertThat(balance(omar)).isEqualTo("0.00");
    }

    @Test
    void anUnknownCodeIsRejected() {
        Account sara = given.student("Sara", "0.00");
        assertInvalidCode(redeem(sara, "NOSUCHCODE"));
        assertThat(count("ledger_entries", sara)).isZero();
    }

    @Test
    void anExpiredCodeIsRejected() {
        Account sara = given.student("Sara", "0.00");
        code("AAAABBBBCCCCDDDD", "200.00", "-1 second");
        assertInvalidCode(redeem(sara, "AAAABBBBCCCCDDDD"));
        assertThat(balance(sara)).isEqualTo("0.00");
        assertThat(jdbc.queryForObject("SELECT redeemed_by FROM recharge_codes", Long.class)).isNull();
    }

    @Test
    void oneCodeRedeemedByTenStudentsAtOnceCreditsOnlyOne() throws Exception {
        List<Account> students = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            students.add(given.student("Student" + i, "0.00"));
        }
        code("AAAABBBBCCCCDDDD", "75.00", "1 day");
        List<ApiResponse> responses = Concurrently.send(10, i -> redeem(students.get(i), "AAAABBBBCCCCDDDD"));
        assertThat(Concurrently.statusCount(responses, 200)).isEqualTo(1);
        assertThat(Concurrently.statusCount(responses, 400)).isEqualTo(9);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM ledger_entries", Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT sum(wallet_balance)::text FROM student_profiles", String.class))
                .isEqualTo("75.00");
    }

    @Test
    void oneStudentRedeemingTwoCodesAtOnceGetsBothCredited() throws Exception {
        // A claim takes a key-share lock on the student's row (redeemed_by), the wallet lock a row
        // lock on it: two redeems taking them in opposite orders deadlock, and the loser used to answer 500.
        Account sara = given.student("Sara", "0.00");
        Map<Integer, Integer> answers = new TreeMap<>();
        for (int round = 0; round < RACE_ROUNDS; round++) {
            List<String> pair = List.of("RACE%05dA".formatted(round), "RACE%05dB".formatted(round));
            pair.forEach(code -> code(code, "1.00", "1 day"));
            for (ApiResponse response : Concurrently.send(2, i -> redeem(sara, pair.get(i)))) {
                answers.merge(response.status(), 1, Integer::sum);
            }
        }
        assertThat(answers).as("answers by status").containsExactly(Map.entry(200, 2 * RACE_ROUNDS));
        assertThat(balance(sara)).isEqualTo(2 * RACE_ROUNDS + ".00");
        assertThat(count("ledger_entries", sara)).isEqualTo(2 * RACE_ROUNDS);
    }
}
