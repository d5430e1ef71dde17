package com.edutrack.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.Fixtures.Account;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Product-spec section 7: buying a course from the wallet, and the student's purchases. */
class BuyCourseTest extends WalletApiTest {

    private Map<String, Object> enrollmentRow(Account student, long course) {
        return jdbc.queryForMap("SELECT status, source, decided_at IS NOT NULL AS decided, decided_by FROM enrollments "
                + "WHERE student_id = ? AND course_id = ?", student.id(), course);
    }

    private void assertNothingBought(Account student, String balance) {
        assertThat(balance(student)).isEqualTo(balance);
        assertThat(count("purchases", student)).isZero();
        assertThat(count("enrollments", student)).isZero();
        assertThat(count("ledger_entries", student)).isEqualTo(balance.equals("0.00") ? 0 : 1);
    }

    @Test
    void buyingDebitsThePriceRecordsThePurchaseAndApprovesTheEnrollment() {
        Account sara = given.student("Sara", "100.00");
        long course = publishedCourse("Mechanics", "60.00");
        ApiResponse response = buy(sara, course);
        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.get("wallet_balance").asString()).isEqualTo("40.00");
        assertThat(body.get("purchase").get("course").get("id").asLong()).isEqualTo(course);
        assertThat(body.get("purchase").get("course").get("title").asString()).isEqualTo("Mechanics");
        assertThat(body.get("purchase").get("amount").asString()).isEqualTo("60.00");
        JsonNode enrollment = body.get("enrollment");
        assertThat(enrollment.get("status").asString()).isEqualTo("approved");
        assertThat(enrollment.get("source").asString()).isEqualTo("purchase");
        assertThat(enrollment.get("student").get("id").asLong()).isEqualTo(sara.id());
        assertThat(enrollment.get("student").get("full_name").asString()).isEqualTo("Sara Tester");
        assertThat(enrollment.get("decided_at").isNull()).isFalse();
        assertThat(enrollment.get("decided_by").isNull()).isTrue();

        assertThat(balance(sara)).isEqualTo("40.00");
        assertThat(jdbc.queryForObject("SELECT amount::text FROM purchases WHERE student_id = ? AND course_id = ?",
                String.class, sara.id(), course)).isEqualTo("60.00");
        assertThat(jdbc.queryForMap("SELECT kind, amount::text AS amount, balance_after::text AS balance_after, reference "
                + "FROM ledger_entries WHERE student_id = ? ORDER BY id DESC LIMIT 1", sara.id()))
                .containsEntry("kind", "purchase").containsEntry("amount", "-60.00")
                .containsEntry("balance_after", "40.00").containsEntry("reference", "course:" + course);
        assertThat(enrollmentRow(sara, course)).containsEntry("status", "approved").containsEntry("source", "purchase")
                .containsEntry("decided", true);
    }

    @Test
    void buyingTurnsAPendingRequestIntoAnApprovedPurchaseEnrollment() {
        Account sara = given.student("Sara", "100.00");
        long course = publishedCourse("Mechanics", "60.00");
        long pending = given.enrollment(sara, course, "pending");
        ApiResponse response = buy(sara, course);
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("enrollment").get("id").asLong()).isEqualTo(pending);
        assertThat(count("enrollments", sara)).isEqualTo(1);
        assertThat(enrollmentRow(sara, course)).containsEntry("status", "approved").containsEntry("source", "purchase")
                .containsEntry("decided", true);
    }

    @Test
    void buyingTurnsARejectedRequestIntoAnApprovedPurchaseEnrollment() {
        Account sara = given.student("Sara", "100.00");
        long course = publishedCourse("Mechanics", "60.00");
        jdbc.update("UPDATE enrollments SET decided_by = ? WHERE id = ?", teacher.id(), given.enrollment(sara, course, "rejected"));
        assertThat(buy(sara, course).status()).isEqualTo(201);
        assertThat(enrollmentRow(sara, course)).containsEntry("status", "approved").containsEntry("source", "purchase")
                .containsEntry("decided_by", null);
    }

    @Test
    void insufficientBalanceChangesNothing() {
        Account sara = given.student("Sara", "59.99");
        long course = publishedCourse("Mechanics", "60.00");
        ApiResponse response = buy(sara, course);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("error").asString()).isEqualTo("Insufficient wallet balance.");
        assertNothingBought(sara, "59.99");
    }

    @Test
    void aCourseCannotBeBoughtTwice() {
        Account sara = given.student("Sara", "200.00");
        long course = publishedCourse("Mechanics", "60.00");
        assertThat(buy(sara, course).status()).isEqualTo(201);
        ApiResponse again = buy(sara, course);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("error").asString()).isEqualTo("You have already purchased this course.");
        assertBoughtOnce(sara, "140.00");
    }

    @Test
    void anUnpublishedCourseCannotBeBought() {
        Account sara = given.student("Sara", "100.00");
        publishedCourse("Mechanics", "60.00");
        long draft = given.course("Draft", teacher, subject, "10.00", false);
        ApiResponse response = buy(sara, draft);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("course_id").get(0).asString())
                .isEqualTo("Invalid pk \"" + draft + "\" - object does not exist.");
        assertNothingBought(sara, "100.00");
    }

    @Test
    void anUnknownCourseCannotBeBought() {
        Account sara = given.student("Sara", "100.00");
        ApiResponse response = buy(sara, 424242);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("course_id").get(0).asString())
                .isEqualTo("Invalid pk \"424242\" - object does not exist.");
        assertNothingBought(sara, "100.00");
    }

    @Test
    void aMissingOrMistypedCourseIdIsAFieldError() {
        Account sara = given.student("Sara", "100.00");
        ApiResponse missing = given.as(sara).post(BUY, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("course_id").get(0).asString()).isEqualTo("This field is required.");
        ApiResponse mistyped = given.as(sara).post(BUY, "{\"course_id\": \"five\"}");
        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.json().get("course_id").get(0).asString()).isEqualTo("A valid integer is required.");
    }

    @Test
    void aFractionalCourseIdBuysNothing() {
        // Jackson's default read 5.9 as course 5 and charged for it.
        Account sara = given.student("Sara", "100.00");
        long course = publishedCourse("Mechanics", "60.00");
        ApiResponse response = given.as(sara).post(BUY, "{\"course_id\": " + course + ".9}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"course_id\":[\"A valid integer is required.\"]}");
        assertNothingBought(sara, "100.00");
    }

    @Test
    void aCourseIdBeyondSixtyFourBitsIsAnInvalidPk() {
        Account sara = given.student("Sara", "100.00");
        publishedCourse("Mechanics", "60.00");
        ApiResponse response = given.as(sara).post(BUY, "{\"course_id\": 99999999999999999999}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("course_id").get(0).asString())
                .isEqualTo("Invalid pk \"99999999999999999999\" - object does not exist.");
        assertNothingBought(sara, "100.00");
    }

    @Test
    void aFreeCourseIsBoughtWithoutALedgerEntry() {
        Account sara = given.student("Sara", "0.00");
        long course = publishedCourse("Intro", "0.00");
        ApiResponse response = buy(sara, course);
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("wallet_balance").asString()).isEqualTo("0.00");
        assertThat(response.json().get("purchase").get("amount").asString()).isEqualTo("0.00");
        assertThat(count("ledger_entries", sara)).isZero();
        assertThat(count("purchases", sara)).isEqualTo(1);
        assertThat(enrollmentRow(sara, course)).containsEntry("status", "approved");
    }

    @Test
    void purchasesListShowsOwnPurchasesNewestFirst() {
        Account sara = given.student("Sara", "100.00");
        Account omar = given.student("Omar", "100.00");
        long mechanics = publishedCourse("Mechanics", "30.00");
        long optics = publishedCourse("Optics", "20.00");
        buy(sara, mechanics);
        buy(sara, optics);
        buy(omar, optics);
        JsonNode body = given.as(sara).get("/api/courses/purchases/").json();
        assertThat(body.get("count").asInt()).isEqualTo(2);
        assertThat(body.get("results").get(0).get("course").get("title").asString()).isEqualTo("Optics");
        assertThat(body.get("results").get(0).get("amount").asString()).isEqualTo("20.00");
        assertThat(body.get("results").get(1).get("course").get("id").asLong()).isEqualTo(mechanics);
    }
}
