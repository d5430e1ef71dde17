package com.edutrack.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Concurrently;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.Http;
import com.edutrack.testing.School;
import com.edutrack.testing.ServerInstance;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The course list reads counts the database keeps (a course's lectures_count, the catalogue's
 * published and unpublished courses) instead of counting on every request, and instances keep its
 * pages and the teacher dashboards while their versions in the database hold (VersionedCache). A
 * write through instance A, or an operator's SQL, must show on the very next read through instance
 * B, which has read, and kept, the same page just before: a stale count or page is a bug.
 */
class CountersAcrossInstancesTest extends ApiTest {

    private static ServerInstance instanceB;

    private School school;

    @BeforeEach
    void startInstanceB() throws Exception {
        if (instanceB == null) {
            instanceB = ServerInstance.start(databaseUrl(), List.of());
        }
        school = School.of(given);
    }

    @AfterAll
    static void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
            instanceB = null;
        }
    }

    private Http onB(Account account) {
        return given.as(account).at(instanceB.port());
    }

    private static JsonNode list(Http server) {
        ApiResponse response = server.get("/api/courses/");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("results").forEach(course -> ids.add(course.get("id").asLong()));
        return ids;
    }

    private static int lecturesCount(JsonNode page, long courseId) {
        for (JsonNode course : page.get("results")) {
            if (course.get("id").asLong() == courseId) {
                return course.get("lectures_count").asInt();
            }
        }
        throw new AssertionError("course " + courseId + " is not listed");
    }

    private static String course(Account teacher, long subject, boolean published) {
        return """
                {"title": "Thermodynamics", "description": "Heat and work.", "subject_id": %d, "teacher_id": %d,
                 "price": "40.00", "is_published": %b}""".formatted(subject, teacher.id(), published);
    }

    private long count(Http server) {
        return list(server).get("count").asLong();
    }

    @Test
    void aCourseCreatedOnOneInstanceIsCountedAndListedOnTheOtherAtOnce() {
        Account owner = given.siteOwner();
        assertThat(count(onB(school.student()))).isEqualTo(2);

        ApiResponse published = given.as(owner).post("/api/courses/", course(school.teacher(), school.physics(), true));
        assertThat(published.status()).as(published.body()).isEqualTo(201);
        long id = published.json().get("id").asLong();
        JsonNode studentsPage = list(onB(school.student()));
        assertThat(studentsPage.get("count").asLong()).isEqualTo(3);
        assertThat(ids(studentsPage)).first().isEqualTo(id);

        ApiResponse draft = given.as(owner).post("/api/courses/", course(school.teacher(), school.physics(), false));
        assertThat(draft.status()).as(draft.body()).isEqualTo(201);
        // A draft counts for its teacher, their assistant and the site owner only.
        assertThat(count(onB(school.student()))).isEqualTo(3);
        assertThat(count(onB(school.teacher()))).isEqualTo(5);
        assertThat(count(onB(school.assistant()))).isEqualTo(5);
        assertThat(count(onB(school.otherTeacher()))).isEqualTo(4);
        assertThat(count(onB(owner))).isEqualTo(6);
    }

    @Test
    void aLectureAddedOnOneInstanceIsCountedOnTheOtherAtOnce() {
        String lecture = """
                {"title": "Newton's laws", "video_url": "https://videos.example.com/newton.mp4", "position": 1}""";
        ApiResponse created = given.as(school.teacher()).post("/api/courses/" + school.published() + "/lectures/", lecture);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        assertThat(lecturesCount(list(onB(school.student())), school.published())).isEqualTo(1);
        assertThat(onB(school.student()).get("/api/courses/" + school.published() + "/").json()
                .get("lectures_count").asInt()).isEqualTo(1);
        JsonNode dashboard = onB(school.teacher()).get("/api/courses/dashboard/teacher/").json();
        assertThat(dashboard.get("totals").get("lectures").asInt()).isEqualTo(1);
        given.enrollment(school.student(), school.published(), "approved");
        assertThat(onB(school.student()).get("/api/courses/" + school.published() + "/lectures/").json()
                .get("count").asLong()).isEqualTo(1);
    }

    @Test
    void lecturesAddedAtOnceThroughBothInstancesAreAllCounted() throws Exception {
        Http onA = given.as(school.teacher());
        Http onBAsTeacher = onB(school.teacher());
        List<ApiResponse> responses = Concurrently.send(12, i -> (i % 2 == 0 ? onA : onBAsTeacher).post(
                "/api/courses/" + school.published() + "/lectures/", """
                        {"title": "Lecture %d", "video_url": "https://videos.example.com/%d.mp4", "position": %d}"""
                        .formatted(i, i, i)));
        assertThat(Concurrently.statusCount(responses, 201)).isEqualTo(12);
        assertThat(lecturesCount(list(onBAsTeacher), school.published())).isEqualTo(12);
    }

    @Test
    void coursesCreatedAtOnceThroughBothInstancesAreAllCounted() throws Exception {
        Http onA = given.as(given.siteOwner());
        Http onBAsOwner = onB(given.siteOwner());
        List<ApiResponse> responses = Concurrently.send(12, i -> (i % 2 == 0 ? onA : onBAsOwner).post(
                "/api/courses/", course(school.teacher(), school.physics(), i % 3 == 0)));
        assertThat(Concurrently.statusCount(responses, 201)).isEqualTo(12);
        assertThat(count(onBAsOwner)).isEqualTo(16);
        assertThat(count(onB(school.student()))).isEqualTo(2 + 4);
        assertThat(count(onB(school.teacher()))).isEqualTo(2 + 12 + 1);
    }

    /** No endpoint publishes or deletes a course; an operator's SQL does, and the counts follow it too. */
    @Test
    void publishingUnpublishingAndDeletingInTheDatabaseShowOnTheNextRead() {
        jdbc.update("UPDATE courses SET is_published = TRUE WHERE id = ?", school.unpublished());
        assertThat(count(onB(school.student()))).isEqualTo(3);
        assertThat(ids(list(onB(school.student())))).contains(school.unpublished());

        jdbc.update("UPDATE courses SET is_published = FALSE WHERE id = ?", school.published());
        assertThat(count(onB(school.student()))).isEqualTo(2);
        assertThat(count(onB(school.teacher()))).isEqualTo(3);

        given.lecture(school.othersPublished(), "Sets", 1);
        given.lecture(school.othersPublished(), "Groups", 2);
        jdbc.update("DELETE FROM lectures WHERE title = 'Sets'");
        assertThat(lecturesCount(list(onB(school.student())), school.othersPublished())).isEqualTo(1);

        jdbc.update("DELETE FROM courses WHERE id = ?", school.othersPublished());
        assertThat(count(onB(school.student()))).isEqualTo(1);
        assertThat(count(onB(given.siteOwner()))).isEqualTo(3);
    }

    /** TRUNCATE fires no row trigger; the counts must still start again from zero. */
    @Test
    void truncatedTablesLeaveNoCountBehind() {
        given.lecture(school.published(), "Newton", 1);
        assertThat(lecturesCount(list(onB(school.student())), school.published())).isEqualTo(1);
        assertThat(count(onB(given.siteOwner()))).isEqualTo(4);
        jdbc.execute("TRUNCATE lectures");
        assertThat(lecturesCount(list(onB(school.student())), school.published())).isZero();

        jdbc.execute("TRUNCATE courses CASCADE");
        assertThat(count(onB(given.siteOwner()))).isZero();
        assertThat(count(onB(school.student()))).isZero();
    }

    private JsonNode dashboardOnB(Account viewer) {
        ApiResponse response = onB(viewer).get("/api/courses/dashboard/teacher/");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void activityInATeachersCoursesOnOneInstanceShowsOnTheirDashboardOnTheOtherAtOnce() {
        Account student = school.student();
        JsonNode before = dashboardOnB(school.teacher());
        assertThat(before.get("totals").get("pending_enrollments").asInt()).isZero();
        assertThat(dashboardOnB(school.assistant()).get("totals").get("pending_enrollments").asInt()).isZero();

        ApiResponse enrolled = given.as(student).post("/api/courses/enrollments/enroll/", """
                {"course_id": %d}""".formatted(school.published()));
        assertThat(enrolled.status()).as(enrolled.body()).isEqualTo(201);
        JsonNode pending = dashboardOnB(school.teacher());
        assertThat(pending.get("totals").get("pending_enrollments").asInt()).isEqualTo(1);
        assertThat(pending.get("recent_pending").get(0).get("student").get("id").asLong()).isEqualTo(student.id());
        assertThat(dashboardOnB(school.assistant()).get("totals").get("pending_enrollments").asInt()).isEqualTo(1);

        long enrollment = enrolled.json().get("id").asLong();
        ApiResponse approved = given.as(school.assistant()).post("/api/courses/enrollments/" + enrollment + "/approve/", "");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        JsonNode afterApproval = dashboardOnB(school.teacher()).get("totals");
        assertThat(afterApproval.get("pending_enrollments").asInt()).isZero();
        assertThat(afterApproval.get("approved_students").asInt()).isEqualTo(1);

        Account buyer = given.student("Buyer", "200.00");
        ApiResponse bought = given.as(buyer).post("/api/courses/purchases/buy/", """
                {"course_id": %d}""".formatted(school.published()));
        assertThat(bought.status()).as(bought.body()).isEqualTo(201);
        JsonNode afterPurchase = dashboardOnB(school.teacher()).get("totals");
        assertThat(new BigDecimal(afterPurchase.get("revenue").asString())).isPositive();
        assertThat(afterPurchase.get("approved_students").asInt()).isEqualTo(2);
        assertThat(dashboardOnB(school.otherTeacher()).get("totals").get("revenue").asString()).isEqualTo("0.00");

        given.lecture(school.unpublished(), "Optics", 1);
        assertThat(dashboardOnB(school.assistant()).get("totals").get("lectures").asInt()).isEqualTo(1);
    }

    /** One statement that writes rows of two teachers' courses marks both dashboards, once each. */
    @Test
    void oneStatementAcrossTwoTeachersShowsOnBothDashboards() {
        assertThat(dashboardOnB(school.teacher()).get("totals").get("pending_enrollments").asInt()).isZero();
        assertThat(dashboardOnB(school.otherTeacher()).get("totals").get("pending_enrollments").asInt()).isZero();
        long before = jdbc.queryForObject("SELECT last_value FROM read_versions", Long.class);

        jdbc.update("INSERT INTO enrollments (student_id, course_id) VALUES (?, ?), (?, ?), (?, ?)",
                school.student().id(), school.published(), school.student().id(), school.unpublished(),
                school.student().id(), school.othersPublished());

        assertThat(dashboardOnB(school.teacher()).get("totals").get("pending_enrollments").asInt()).isEqualTo(2);
        assertThat(dashboardOnB(school.otherTeacher()).get("totals").get("pending_enrollments").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT last_value FROM read_versions", Long.class)).isEqualTo(before + 2);
    }

    /** No endpoint renames a teacher, a student or a subject; an operator's SQL does, and the kept pages follow. */
    @Test
    void namesChangedInTheDatabaseShowOnTheNextRead() {
        given.enrollment(school.student(), school.published(), "pending");
        assertThat(list(onB(school.student())).get("results").get(0).get("teacher").get("full_name").asString())
                .isNotEqualTo("Renamed Teacher");
        JsonNode before = dashboardOnB(school.teacher());
        assertThat(before.get("recent_pending").get(0).get("student").get("full_name").asString()).isNotEqualTo("Renamed Student");

        jdbc.update("UPDATE users SET first_name = 'Renamed', last_name = 'Teacher' WHERE id = ?", school.teacher().id());
        jdbc.update("UPDATE users SET first_name = 'Renamed', last_name = 'Student' WHERE id = ?", school.student().id());
        jdbc.update("UPDATE subjects SET name = 'Renamed subject' WHERE id = ?", school.physics());

        JsonNode page = list(onB(school.student()));
        JsonNode published = null;
        for (JsonNode course : page.get("results")) {
            if (course.get("id").asLong() == school.published()) {
                published = course;
            }
        }
        assertThat(published).isNotNull();
        assertThat(published.get("teacher").get("full_name").asString()).isEqualTo("Renamed Teacher");
        assertThat(published.get("subject").get("name").asString()).isEqualTo("Renamed subject");
        JsonNode after = dashboardOnB(school.teacher());
        assertThat(after.get("teacher").get("full_name").asString()).isEqualTo("Renamed Teacher");
        assertThat(after.get("recent_pending").get(0).get("student").get("full_name").asString()).isEqualTo("Renamed Student");
    }
}
