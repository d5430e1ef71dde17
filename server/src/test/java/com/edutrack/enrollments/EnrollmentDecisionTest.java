package com.edutrack.enrollments;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.School;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/courses/enrollments/{id}/approve/ and /reject/: ownership, repeats, races. */
class EnrollmentDecisionTest extends ApiTest {

    private School school;
    private long enrollment;

    @BeforeEach
    void pendingEnrollment() {
        school = School.of(given);
        enrollment = given.enrollment(school.student(), school.published(), "pending");
    }

    private static String approve(long id) {
        return "/api/courses/enrollments/" + id + "/approve/";
    }

    private static String reject(long id) {
        return "/api/courses/enrollments/" + id + "/reject/";
    }

    private Map<String, Object> row() {
        return jdbc.queryForMap("SELECT status, decided_at, decided_by FROM enrollments WHERE id = ?", enrollment);
    }

    @Test
    void courseTeacherApproves() {
        ApiResponse response = given.as(school.teacher()).post(approve(enrollment), null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.get("status").asString()).isEqualTo("approved");
        assertThat(body.get("decided_by").get("id").asLong()).isEqualTo(school.teacher().id());
        assertThat(body.get("decided_at").asString()).endsWith("Z");
        assertThat(row().get("status")).isEqualTo("approved");
    }

    @Test
    void assistantOfTheCourseTeacherRejects() {
        ApiResponse response = given.as(school.assistant()).post(reject(enrollment), null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("rejected");
        assertThat(response.json().get("decided_by").get("full_name").asString()).isEqualTo("Omar Tester");
    }

    @Test
    void otherTeacherAndTheirAssistantMayNotDecide() {
        for (Account account : List.of(school.otherTeacher(), school.otherAssistant())) {
            assertThat(given.as(account).post(approve(enrollment), null).status()).as(account.email()).isEqualTo(403);
            assertThat(given.as(account).post(reject(enrollment), null).status()).as(account.email()).isEqualTo(403);
        }
        assertThat(row().get("status")).isEqualTo("pending");
    }

    @Test
    void siteOwnerStudentAndAnonymousMayNotDecide() {
        for (String path : List.of(approve(enrollment), reject(enrollment))) {
            assertThat(given.as(given.siteOwner()).post(path, null).status()).isEqualTo(403);
            assertThat(given.as(school.student()).post(path, null).status()).isEqualTo(403);
            assertThat(http.post(path, null).status()).isEqualTo(401);
        }
        assertThat(row().get("status")).isEqualTo("pending");
    }

    @Test
    void unknownEnrollmentIsNotFound() {
        assertThat(given.as(school.teacher()).post(approve(999999), null).status()).isEqualTo(404);
        assertThat(given.as(school.teacher()).post(reject(999999), null).status()).isEqualTo(404);
        assertThat(given.as(school.teacher()).post("/api/courses/enrollments/abc/approve/", null).status()).isEqualTo(404);
    }

    @Test
    void approvingAgainAnswersTheFirstDecisionUnchanged() {
        JsonNode first = given.as(school.teacher()).post(approve(enrollment), null).json();
        ApiResponse again = given.as(school.assistant()).post(approve(enrollment), null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first);
    }

    @Test
    void rejectingAgainAnswersTheFirstDecisionUnchanged() {
        JsonNode first = given.as(school.assistant()).post(reject(enrollment), null).json();
        ApiResponse again = given.as(school.teacher()).post(reject(enrollment), null);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(first);
    }

    @Test
    void approvingARejectedEnrollmentReconsidersIt() {
        given.as(school.assistant()).post(reject(enrollment), null);
        ApiResponse response = given.as(school.teacher()).post(approve(enrollment), null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("approved");
        assertThat(response.json().get("decided_by").get("id").asLong()).isEqualTo(school.teacher().id());
    }

    @Test
    void rejectingAnApprovedEnrollmentIsRefusedAndChangesNothing() {
        given.as(school.teacher()).post(approve(enrollment), null);
        Map<String, Object> approved = row();
        ApiResponse response = given.as(school.teacher()).post(reject(enrollment), null);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"error\":\"This enrollment is already approved.\"}");
        assertThat(row()).isEqualTo(approved);
    }

    @Test
    void concurrentApprovalsMakeOneDecision() throws Exception {
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ApiResponse>> responses = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Account decider = i % 2 == 0 ? school.teacher() : school.assistant();
                responses.add(pool.submit(() -> {
                    start.await();
                    return given.as(decider).post(approve(enrollment), null);
                }));
            }
            start.countDown();
            List<JsonNode> bodies = new ArrayList<>();
            for (Future<ApiResponse> response : responses) {
                assertThat(response.get().status()).isEqualTo(200);
                bodies.add(response.get().json());
            }
            // Everyone answers the one decision that was written: same decider, same time.
            assertThat(bodies).allSatisfy(body -> assertThat(body).isEqualTo(bodies.get(0)));
        } finally {
            pool.shutdown();
        }
        Map<String, Object> decided = row();
        assertThat(decided.get("status")).isEqualTo("approved");
        assertThat(decided.get("decided_by")).isIn(school.teacher().id(), school.assistant().id());
    }
}
