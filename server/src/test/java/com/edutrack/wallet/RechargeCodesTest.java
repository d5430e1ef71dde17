package com.edutrack.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.Http;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Product-spec section 7: the site owner makes and lists recharge codes. */
class RechargeCodesTest extends WalletApiTest {

    private static final String CODES = "/api/accounts/recharge-codes/";

    private Account owner;
    private Http asOwner;

    @BeforeEach
    void siteOwner() {
        owner = given.siteOwner();
        asOwner = given.as(owner);
    }

    private ApiResponse create(String body) {
        return asOwner.post(CODES, body);
    }

    @Test
    void createsTheRequestedNumberOfDistinctUnguessableCodes() {
        ApiResponse response = create("{\"amount\": \"200.00\", \"count\": 5, \"expires_at\": \"2099-12-31T23:59:59Z\"}");
        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.get("count").asInt()).isEqualTo(5);
        assertThat(body.get("results")).hasSize(5);
        Set<String> codes = new HashSet<>();
        for (JsonNode code : body.get("results")) {
            assertThat(code.get("code").asString()).matches("[A-HJ-NP-Z2-9]{16}");
            assertThat(code.get("amount").asString()).isEqualTo("200.00");
            assertThat(code.get("expires_at").asString()).isEqualTo("2099-12-31T23:59:59Z");
            assertThat(code.get("redeemed_by").isNull()).isTrue();
            assertThat(code.get("redeemed_at").isNull()).isTrue();
            codes.add(code.get("code").asString());
        }
        assertThat(codes).hasSize(5);
        assertThat(jdbc.queryForList("SELECT code FROM recharge_codes WHERE created_by = ?", String.class, owner.id()))
                .containsExactlyInAnyOrderElementsOf(codes);
    }

    @Test
    void codesWithoutExpiryNeverExpire() {
        ApiResponse response = create("{\"amount\": \"50.00\", \"count\": 1}");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("results").get(0).get("expires_at").isNull()).isTrue();
    }

    @Test
    void fiveHundredCodesAreCreatedAtOnce() {
        ApiResponse response = create("{\"amount\": \"10.00\", \"count\": 500}");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("count").asInt()).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT code) FROM recharge_codes", Integer.class)).isEqualTo(500);
    }

    @Test
    void countBelowOneIsRejected() {
        ApiResponse response = create("{\"amount\": \"10.00\", \"count\": 0}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("count").get(0).asString()).isEqualTo("Ensure this value is greater than or equal to 1.");
    }

    @Test
    void countAboveFiveHundredIsRejected() {
        ApiResponse response = create("{\"amount\": \"10.00\", \"count\": 501}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("count").get(0).asString()).isEqualTo("Ensure this value is less than or equal to 500.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recharge_codes", Integer.class)).isZero();
    }

    @Test
    void negativeOrZeroAmountIsRejected() {
        for (String amount : List.of("-10.00", "0.00")) {
            ApiResponse response = create("{\"amount\": \"" + amount + "\", \"count\": 1}");
            assertThat(response.status()).as(amount).isEqualTo(400);
            assertThat(response.json().get("amount").get(0).asString())
                    .isEqualTo("Ensure this value is greater than or equal to 0.01.");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recharge_codes", Integer.class)).isZero();
    }

    @Test
    void amountThatIsNotAMoneyStringIsRejected() {
        ApiResponse notANumber = create("{\"amount\": \"ten\", \"count\": 1}");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.json().get("amount").get(0).asString()).isEqualTo("A valid number is required.");
        ApiResponse threePlaces = create("{\"amount\": \"10.005\", \"count\": 1}");
        assertThat(threePlaces.status()).isEqualTo(400);
        assertThat(threePlaces.json().get("amount").get(0).asString())
                .isEqualTo("Ensure that there are no more than 2 decimal places.");
    }

    @Test
    void missingFieldsAreRequired() {
        ApiResponse response = create("{}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("amount").get(0).asString()).isEqualTo("This field is required.");
        assertThat(response.json().get("count").get(0).asString()).isEqualTo("This field is required.");
    }

    @Test
    void expiryInThePastIsRejected() {
        ApiResponse response = create("{\"amount\": \"10.00\", \"count\": 1, \"expires_at\": \"2020-01-01T00:00:00Z\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("expires_at").get(0).asString()).isEqualTo("Ensure this value is in the future.");
    }

    @Test
    void listShowsNewestFirstWithWhoRedeemed() {
        String first = create("{\"amount\": \"10.00\", \"count\": 1}").json().get("results").get(0).get("code").asString();
        String second = create("{\"amount\": \"20.00\", \"count\": 1}").json().get("results").get(0).get("code").asString();
        Account sara = given.student("Sara", "0.00");
        assertThat(given.as(sara).post("/api/accounts/wallet/redeem/", "{\"code\": \"" + first + "\"}").status()).isEqualTo(200);

        JsonNode body = asOwner.get(CODES).json();
        assertThat(body.get("count").asInt()).isEqualTo(2);
        JsonNode newest = body.get("results").get(0);
        JsonNode oldest = body.get("results").get(1);
        assertThat(newest.get("code").asString()).isEqualTo(second);
        assertThat(newest.get("redeemed_by").isNull()).isTrue();
        assertThat(oldest.get("code").asString()).isEqualTo(first);
        assertThat(oldest.get("redeemed_by").get("id").asLong()).isEqualTo(sara.id());
        assertThat(oldest.get("redeemed_by").get("full_name").asString()).isEqualTo("Sara Tester");
        assertThat(oldest.get("redeemed_at").isNull()).isFalse();
    }

    @Test
    void amountIsTakenAsAStringOrANumberAndKeptWithTwoPlaces() {
        for (String amount : List.of("12.5", "\"12.5\"", "\"12.50\"")) {
            ApiResponse response = create("{\"amount\": " + amount + ", \"count\": 1}");
            assertThat(response.status()).as(amount + ": " + response.body()).isEqualTo(201);
            assertThat(response.json().get("results").get(0).get("amount").asString()).as(amount).isEqualTo("12.50");
        }
        assertThat(jdbc.queryForList("SELECT amount::text FROM recharge_codes", String.class)).containsOnly("12.50");
    }

    @Test
    void amountBeyondTheColumnIsAFieldErrorInDrfWords() {
        ApiResponse total = create("{\"amount\": \"1234567890.123\", \"count\": 1}");
        assertThat(total.status()).isEqualTo(400);
        assertThat(total.body()).isEqualTo("{\"amount\":[\"Ensure that there are no more than 12 digits in total.\"]}");
        ApiResponse whole = create("{\"amount\": 12345678901, \"count\": 1}");
        assertThat(whole.status()).isEqualTo(400);
        assertThat(whole.body()).isEqualTo("{\"amount\":[\"Ensure that there are no more than 10 digits before the decimal point.\"]}");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recharge_codes", Integer.class)).isZero();
    }

    @Test
    void aBadAmountIsReportedWithABadCount() {
        ApiResponse response = create("{\"amount\": \"0.00\", \"count\": 501}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("amount").get(0).asString()).isEqualTo("Ensure this value is greater than or equal to 0.01.");
        assertThat(response.json().get("count").get(0).asString()).isEqualTo("Ensure this value is less than or equal to 500.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recharge_codes", Integer.class)).isZero();
    }

    @Test
    void aFractionalOrOverflowingCountIsAFieldError() {
        // 2.5 used to make two codes; numbers past the 32-bit range used to be a JSON parse error.
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("2.5", "A valid integer is required.");
        refused.put("\"2.5\"", "A valid integer is required.");
        refused.put("2147483648", "Ensure this value is less than or equal to 500.");
        refused.put("99999999999999999999", "Ensure this value is less than or equal to 500.");
        refused.put("-99999999999999999999", "Ensure this value is greater than or equal to 1.");
        refused.forEach((count, message) -> {
            ApiResponse response = create("{\"amount\": \"10.00\", \"count\": " + count + "}");
            assertThat(response.status()).as(count + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(count).isEqualTo("{\"count\":[\"" + message + "\"]}");
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM recharge_codes", Integer.class)).isZero();
    }

    @Test
    void aWholeNumberCountIsTakenInAnyJsonForm() {
        // As DRF's IntegerField: "3" and 3.0 are whole numbers.
        for (String count : List.of("\"3\"", "3.0")) {
            ApiResponse response = create("{\"amount\": \"10.00\", \"count\": " + count + "}");
            assertThat(response.status()).as(count + ": " + response.body()).isEqualTo(201);
            assertThat(response.json().get("count").asInt()).isEqualTo(3);
        }
    }
}
