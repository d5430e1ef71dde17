package com.edutrack.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The demo school, filled into the (emptied) test database by calling the component directly. */
class DemoDataTest extends ApiTest {

    @Autowired
    private DemoData demoData;

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    @Test
    void emptyDatabaseGetsTheDemoSchool() {
        assertThat(demoData.fill()).isTrue();
        assertThat(count("SELECT count(*) FROM subjects")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM teacher_profiles")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM assistant_profiles")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM student_profiles")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM courses WHERE is_published")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM courses WHERE NOT is_published")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM lectures")).isEqualTo(15);
        assertThat(count("SELECT count(DISTINCT status) FROM enrollments")).isEqualTo(3);
    }

    @Test
    void everyWalletEqualsTheSumOfItsLedger() {
        demoData.fill();
        assertThat(count("""
                SELECT count(*) FROM student_profiles s
                WHERE s.wallet_balance > 0
                  AND s.wallet_balance = (SELECT sum(amount) FROM ledger_entries l WHERE l.student_id = s.user_id)
                  AND s.wallet_balance = (SELECT balance_after FROM ledger_entries l WHERE l.student_id = s.user_id
                                          ORDER BY id DESC LIMIT 1)""")).isEqualTo(3);
    }

    @Test
    void fillingAgainChangesNothing() {
        demoData.fill();
        assertThat(demoData.fill()).isFalse();
        assertThat(count("SELECT count(*) FROM subjects")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM users WHERE role <> 'siteowner'")).isEqualTo(6);
    }

    @Test
    void databaseWithSubjectsIsLeftAlone() {
        given.subject("Biology");
        assertThat(demoData.fill()).isFalse();
        assertThat(count("SELECT count(*) FROM courses")).isZero();
    }

    @Test
    void demoStudentLogsInAndSeesOwnEnrollments() {
        demoData.fill();
        ApiResponse login = http.post("/api/accounts/login/",
                "{\"email\": \"sara.ali@edutrack.example\", \"password\": \"" + DemoData.STUDENT_PASSWORD + "\"}");
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        assertThat(login.json().get("user").get("role").asString()).isEqualTo("student");
        String token = login.cookie("access_token").orElseThrow().getValue();
        ApiResponse enrollments = http.with("Authorization", "Bearer " + token).get("/api/courses/enrollments/");
        assertThat(enrollments.json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void demoTeacherAndAssistantLogIn() {
        demoData.fill();
        assertThat(http.post("/api/accounts/login/", "{\"email\": \"ahmed.hassan@edutrack.example\", \"password\": \""
                + DemoData.TEACHER_PASSWORD + "\"}").status()).isEqualTo(200);
        assertThat(http.post("/api/accounts/login/", "{\"email\": \"omar.khaled@edutrack.example\", \"password\": \""
                + DemoData.ASSISTANT_PASSWORD + "\"}").status()).isEqualTo(200);
    }
}
