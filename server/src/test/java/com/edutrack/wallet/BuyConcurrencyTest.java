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

/** Product-spec section 7: concurrent buys never debit twice and never overdraw. */
class BuyConcurrencyTest extends WalletApiTest {

    @Test
    void tenConcurrentBuysOfOneCourseMakeOnePurchaseAndOneDebit() throws Exception {
        Account sara = given.student("Sara", "100.00");
        long course = publishedCourse("Mechanics", "60.00");
        List<ApiResponse> responses = Concurrently.send(10, i -> buy(sara, course));
        assertThat(Concurrently.statusCount(responses, 201)).isEqualTo(1);
        assertThat(responses).filteredOn(r -> r.status() == 400)
                .hasSize(9)
                .allSatisfy(r -> assertThat(r.json().get("error").asString()).isEqualTo("You have already purchased this course."));
        assertBoughtOnce(sara, "40.00");
    }

    @Test
    void tenConcurrentBuysOfDifferentCoursesNeverOverdraw() throws Exception {
        Account sara = given.student("Sara", "100.00");
        List<Long> courses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            courses.add(publishedCourse("Course " + i, "30.00"));
        }
        List<ApiResponse> responses = Concurrently.send(10, i -> buy(sara, courses.get(i)));
        assertThat(Concurrently.statusCount(responses, 201)).isEqualTo(3);
        assertThat(responses).filteredOn(r -> r.status() == 400)
                .hasSize(7)
                .allSatisfy(r -> assertThat(r.json().get("error").asString()).isEqualTo("Insufficient wallet balance."));
        assertThat(balance(sara)).isEqualTo("10.00");
        assertThat(count("purchases", sara)).isEqualTo(3);
        assertThat(count("enrollments", sara)).isEqualTo(3);
    }

    @Test
    void anEnrollRacingABuyOfTheSameCourseEndsInTheApprovedPurchase() throws Exception {
        // The enroll's foreign-key check waits for the buy's wallet lock while holding its new
        // enrollment row, which the buy's own enrollment insert then waits for: a deadlock, once a 500.
        Account sara = given.student("Sara", RACE_ROUNDS + ".00");
        Map<String, Integer> answers = new TreeMap<>();
        for (int round = 0; round < RACE_ROUNDS; round++) {
            long course = publishedCourse("Race " + round, "1.00");
            List<ApiResponse> responses = Concurrently.send(2, i -> i == 0
                    ? given.as(sara).post("/api/courses/enrollments/enroll/", "{\"course_id\": " + course + "}")
                    : buy(sara, course));
            answers.merge("enroll " + responses.get(0).status(), 1, Integer::sum);
            answers.merge("buy " + responses.get(1).status(), 1, Integer::sum);
            if (responses.get(0).status() == 400) {
                assertThat(responses.get(0).json().get("error").asString()).isEqualTo("You are already enrolled in this course.");
            }
        }
        assertThat(answers.keySet()).as("answers: " + answers).isSubsetOf("enroll 201", "enroll 400", "buy 201");
        assertThat(answers.get("buy 201")).isEqualTo(RACE_ROUNDS);
        assertThat(answers.getOrDefault("enroll 201", 0) + answers.getOrDefault("enroll 400", 0)).isEqualTo(RACE_ROUNDS);
        assertThat(balance(sara)).isEqualTo("0.00");
        assertThat(count("purchases", sara)).isEqualTo(RACE_ROUNDS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollments WHERE student_id = ? AND status = 'approved' "
                + "AND source = 'purchase'", Integer.class, sara.id())).isEqualTo(RACE_ROUNDS);
    }
}
