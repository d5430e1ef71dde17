package com.edutrack.wallet;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.Concurrently;
import com.edutrack.testing.Fixtures.Account;
import java.util.ArrayList;
import java.util.List;
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
}
