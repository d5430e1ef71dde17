package com.edutrack.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Concurrently;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.Http;
import com.edutrack.testing.School;
import com.edutrack.testing.ServerInstance;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The course list reads counts the database keeps (a course's lectures_count, the catalogue's
 * published and unpublished courses) instead of counting on every request. A write through
 * instance A must show on the very next read through instance B, with no cache in between: a stale
 * count or page is a bug.
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
        jdbc.execute("TRUNCATE lectures");
        assertThat(lecturesCount(list(onB(school.student())), school.published())).isZero();

        jdbc.execute("TRUNCATE courses CASCADE");
        assertThat(count(onB(given.siteOwner()))).isZero();
        assertThat(count(onB(school.student()))).isZero();
    }
}
