package com.edutrack.enrollments;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.School;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/courses/enrollments/enroll/. */
class EnrollTest extends ApiTest {

    private static final String ENROLL = "/api/courses/enrollments/enroll/";

    private School school;

    @BeforeEach
    void school() {
        school = School.of(given);
    }

    private static String course(long id) {
        return "{\"course_id\": " + id + "}";
    }

    @Test
    void studentEnrollsAsAPendingRequest() {
        ApiResponse response = given.as(school.student()).post(ENROLL, course(school.published()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode enrollment = response.json();
        assertThat(enrollment.get("status").asString()).isEqualTo("pending");
        assertThat(enrollment.get("source").asString()).isEqualTo("request");
        assertThat(enrollment.get("course").get("id").asLong()).isEqualTo(school.published());
        assertThat(enrollment.get("course").get("title").asString()).isEqualTo("Mechanics");
        assertThat(enrollment.get("student").get("id").asLong()).isEqualTo(school.student().id());
        assertThat(enrollment.get("student").get("full_name").asString()).isEqualTo("Sara Tester");
        assertThat(enrollment.get("decided_at").isNull()).isTrue();
        assertThat(enrollment.get("decided_by").isNull()).isTrue();
    }

    @Test
    void enrollingAgainIsRefused() {
        given.as(school.student()).post(ENROLL, course(school.published()));
        ApiResponse again = given.as(school.student()).post(ENROLL, course(school.published()));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body()).isEqualTo("{\"error\":\"You are already enrolled in this course.\"}");
    }

    @Test
    void unpublishedOrUnknownCourseIsAnInvalidPk() {
        for (long id : List.of(school.unpublished(), 999999L)) {
            ApiResponse response = given.as(school.student()).post(ENROLL, course(id));
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().get("course_id").get(0).asString()).isEqualTo("Invalid pk \"" + id + "\" - object does not exist.");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollments", Integer.class)).isZero();
    }

    @Test
    void missingOrMistypedCourseIdIsAFieldError() {
        ApiResponse missing = given.as(school.student()).post(ENROLL, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("course_id").get(0).asString()).isEqualTo("This field is required.");
        ApiResponse text = given.as(school.student()).post(ENROLL, "{\"course_id\": \"abc\"}");
        assertThat(text.json().get("course_id").get(0).asString()).isEqualTo("A valid integer is required.");
    }

    @Test
    void aFractionalCourseIdEnrollsNothing() {
        ApiResponse response = given.as(school.student()).post(ENROLL, "{\"course_id\": " + school.published() + ".5}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"course_id\":[\"A valid integer is required.\"]}");
        ApiResponse overflowing = given.as(school.student()).post(ENROLL, "{\"course_id\": -99999999999999999999}");
        assertThat(overflowing.status()).isEqualTo(400);
        assertThat(overflowing.json().get("course_id").get(0).asString())
                .isEqualTo("Invalid pk \"-99999999999999999999\" - object does not exist.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollments", Integer.class)).isZero();
    }

    @Test
    void onlyStudentsEnroll() {
        for (Account account : List.of(given.siteOwner(), school.teacher(), school.assistant())) {
            assertThat(given.as(account).post(ENROLL, course(school.published())).status()).as(account.email()).isEqualTo(403);
        }
        assertThat(http.post(ENROLL, course(school.published())).status()).isEqualTo(401);
    }

    @Test
    void concurrentEnrollsOfOneStudentMakeOneEnrollment() throws Exception {
        int threads = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResponse>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return given.as(school.student()).post(ENROLL, course(school.published()));
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiResponse> response : responses) {
                statuses.add(response.get().status());
            }
            assertThat(statuses).containsOnlyOnce(201).containsOnly(201, 400);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM enrollments WHERE student_id = ? AND course_id = ?", Integer.class,
                school.student().id(), school.published())).isEqualTo(1);
    }
}
