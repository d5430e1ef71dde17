package com.edutrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.School;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/courses/dashboard/teacher/: figures computed from data the test wrote. */
class TeacherDashboardTest extends ApiTest {

    private static final String DASHBOARD = "/api/courses/dashboard/teacher/";

    private School school;
    private List<Long> pending;

    @BeforeEach
    void activity() {
        school = School.of(given);
        for (int position = 1; position <= 3; position++) {
            given.lecture(school.published(), "Mechanics " + position, position);
        }
        given.lecture(school.unpublished(), "Optics 1", 1);
        given.lecture(school.othersPublished(), "Algebra 1", 1);

        Account buyer = given.student("Buyer", "0");
        given.enrollment(school.student(), school.published(), "approved");
        given.enrollment(school.student(), school.unpublished(), "approved"); // same student twice: counted once in totals
        given.enrollment(buyer, school.published(), "approved");
        given.enrollment(buyer, school.unpublished(), "rejected");
        purchase(buyer, school.published(), "150.00");
        purchase(school.student(), school.published(), "99.50");
        purchase(school.student(), school.othersPublished(), "120.00");

        pending = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            pending.add(given.enrollment(given.student("Pending" + i, "0"), i % 2 == 0 ? school.published() : school.unpublished(), "pending"));
        }
        given.enrollment(given.student("Elsewhere", "0"), school.othersPublished(), "pending");
    }

    private void purchase(Account student, long courseId, String amount) {
        jdbc.update("INSERT INTO purchases (student_id, course_id, amount) VALUES (?, ?, ?)", student.id(), courseId, new BigDecimal(amount));
    }

    @Test
    void teacherSeesTotalsOfOwnCourses() {
        JsonNode dashboard = given.as(school.teacher()).get(DASHBOARD).json();
        assertThat(dashboard.get("teacher").get("id").asLong()).isEqualTo(school.teacher().id());
        assertThat(dashboard.get("teacher").get("full_name").asString()).isEqualTo("Ahmed Tester");
        JsonNode totals = dashboard.get("totals");
        assertThat(totals.get("courses").asInt()).isEqualTo(2);
        assertThat(totals.get("lectures").asInt()).isEqualTo(4);
        assertThat(totals.get("approved_students").asInt()).isEqualTo(2);
        assertThat(totals.get("pending_enrollments").asInt()).isEqualTo(12);
        assertThat(totals.get("revenue").asString()).isEqualTo("249.50");
    }

    @Test
    void teacherSeesFiguresPerCourseNewestFirst() {
        JsonNode courses = given.as(school.teacher()).get(DASHBOARD).json().get("courses");
        assertThat(courses).hasSize(2);
        JsonNode optics = courses.get(0);
        assertThat(optics.get("id").asLong()).isEqualTo(school.unpublished());
        assertThat(optics.get("title").asString()).isEqualTo("Optics draft");
        assertThat(optics.get("lectures_count").asInt()).isEqualTo(1);
        assertThat(optics.get("approved_students").asInt()).isEqualTo(1);
        assertThat(optics.get("pending_enrollments").asInt()).isEqualTo(6);
        assertThat(optics.get("revenue").asString()).isEqualTo("0.00");
        JsonNode mechanics = courses.get(1);
        assertThat(mechanics.get("lectures_count").asInt()).isEqualTo(3);
        assertThat(mechanics.get("approved_students").asInt()).isEqualTo(2);
        assertThat(mechanics.get("pending_enrollments").asInt()).isEqualTo(6);
        assertThat(mechanics.get("revenue").asString()).isEqualTo("249.50");
    }

    @Test
    void recentPendingHoldsTheTenNewestPendingEnrollmentsOfOwnCourses() {
        JsonNode recent = given.as(school.teacher()).get(DASHBOARD).json().get("recent_pending");
        List<Long> ids = new ArrayList<>();
        recent.forEach(enrollment -> ids.add(enrollment.get("id").asLong()));
        List<Long> newestFirst = new ArrayList<>(pending);
        Collections.reverse(newestFirst);
        assertThat(ids).containsExactlyElementsOf(newestFirst.subList(0, 10));
        assertThat(recent.get(0).get("status").asString()).isEqualTo("pending");
    }

    @Test
    void assistantSeesTheirTeachersDashboard() {
        JsonNode forTeacher = given.as(school.teacher()).get(DASHBOARD).json();
        JsonNode forAssistant = given.as(school.assistant()).get(DASHBOARD).json();
        assertThat(forAssistant).isEqualTo(forTeacher);
        JsonNode other = given.as(school.otherAssistant()).get(DASHBOARD).json();
        assertThat(other.get("teacher").get("id").asLong()).isEqualTo(school.otherTeacher().id());
        assertThat(other.get("totals").get("revenue").asString()).isEqualTo("120.00");
        assertThat(other.get("totals").get("pending_enrollments").asInt()).isEqualTo(1);
    }

    @Test
    void teacherWithoutCoursesSeesZeros() {
        JsonNode dashboard = given.as(given.teacher("New", null)).get(DASHBOARD).json();
        assertThat(dashboard.get("courses")).isEmpty();
        assertThat(dashboard.get("recent_pending")).isEmpty();
        assertThat(dashboard.get("totals").get("courses").asInt()).isZero();
        assertThat(dashboard.get("totals").get("revenue").asString()).isEqualTo("0.00");
    }

    @Test
    void siteOwnerAndStudentsMayNotSeeADashboard() {
        for (Account account : List.of(given.siteOwner(), school.student())) {
            ApiResponse response = given.as(account).get(DASHBOARD);
            assertThat(response.status()).as(account.email()).isEqualTo(403);
        }
        assertThat(http.get(DASHBOARD).status()).isEqualTo(401);
    }
}
