package com.edutrack.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.Ledger;
import org.junit.jupiter.api.AfterEach;

/** What the wallet tests share: a course to buy and the ledger invariants after every test. */
abstract class WalletApiTest extends ApiTest {

    protected static final String BUY = "/api/courses/purchases/buy/";
    /** Rounds of a two-request race: enough for a lock-order fault to show in every run. */
    protected static final int RACE_ROUNDS = 200;

    protected Account teacher;
    protected long subject;

    protected long publishedCourse(String title, String price) {
        if (teacher == null) {
            subject = given.subject("Physics");
            teacher = given.teacher("Mona", subject);
        }
        return given.course(title, teacher, subject, price, true);
    }

    protected ApiResponse buy(Account student, long courseId) {
        return given.as(student).post(BUY, "{\"course_id\": " + courseId + "}");
    }

    protected String balance(Account student) {
        return jdbc.queryForObject("SELECT wallet_balance::text FROM student_profiles WHERE user_id = ?", String.class,
                student.id());
    }

    protected int count(String table, Account student) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE student_id = ?", Integer.class, student.id());
    }

    /** One purchase and its one debit after the wallet's opening credit, leaving this balance. */
    protected void assertBoughtOnce(Account student, String balance) {
        assertThat(balance(student)).isEqualTo(balance);
        assertThat(count("purchases", student)).isEqualTo(1);
        assertThat(count("ledger_entries", student)).isEqualTo(2);
    }

    /** After every test: the wallet invariants hold (each balance is its ledger's sum and newest balance_after). */
    @AfterEach
    void ledgerInvariantHolds() {
        assertThat(Ledger.broken(jdbc)).as("broken wallet invariants").isEmpty();
    }
}
