package com.edutrack.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.School;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /api/courses/, /api/courses/{id}/ and /api/courses/by-subject/{id}/: roles, visibility, filters. */
class CourseReadTest extends ApiTest {

    private School school;

    @BeforeEach
    void school() {
        school = School.of(given);
    }

    private static List<Long> ids(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().get("results").forEach(course -> ids.add(course.get("id").asLong()));
        return ids;
    }

    private List<Long> listedFor(Account account, String query) {
        return ids(given.as(account).get("/api/courses/" + query));
    }

    @Test
    void anonymousCallersAreNotAuthenticated() {
        for (String path : List.of("/api/courses/", "/api/courses/" + school.published() + "/",
                "/api/courses/by-subject/" + school.physics() + "/")) {
            ApiResponse response = http.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.json().get("detail").asString()).isEqualTo("Authentication credentials were not provided.");
        }
    }

    @Test
    void studentsSeePublishedCoursesOnlyNewestFirst() {
        assertThat(listedFor(school.student(), "")).containsExactly(school.othersPublished(), school.published());
    }

    @Test
    void teacherSeesOwnUnpublishedCoursesAndEveryPublishedOne() {
        assertThat(listedFor(school.teacher(), ""))
                .containsExactly(school.othersPublished(), school.unpublished(), school.published());
    }

    @Test
    void assistantSeesTheirTeachersUnpublishedCoursesAndEveryPublishedOne() {
        assertThat(listedFor(school.otherAssistant(), ""))
                .containsExactly(school.othersUnpublished(), school.othersPublished(), school.published());
    }

    @Test
    void siteOwnerSeesEveryCourse() {
        assertThat(listedFor(given.siteOwner(), "")).containsExactly(school.othersUnpublished(),
                school.othersPublished(), school.unpublished(), school.published());
    }

    @Test
    void courseShowsSubjectTeacherPriceAndLecturesCount() {
        given.lecture(school.published(), "Newton", 1);
        given.lecture(school.published(), "Kepler", 2);
        JsonNode course = given.as(school.student()).get("/api/courses/" + school.published() + "/").json();
        assertThat(course.get("title").asString()).isEqualTo("Mechanics");
        assertThat(course.get("subject").get("id").asLong()).isEqualTo(school.physics());
        assertThat(course.get("subject").get("name").asString()).isEqualTo("Physics");
        assertThat(course.get("teacher").get("id").asLong()).isEqualTo(school.teacher().id());
        assertThat(course.get("teacher").get("full_name").asString()).isEqualTo("Ahmed Tester");
        assertThat(course.get("price").asString()).isEqualTo("150.00");
        assertThat(course.get("is_published").asBoolean()).isTrue();
        assertThat(course.get("lectures_count").asInt()).isEqualTo(2);
        assertThat(course.get("created_at").asString()).endsWith("Z");
        JsonNode listed = given.as(school.student()).get("/api/courses/?teacher=" + school.teacher().id()).json();
        assertThat(listed.get("results").get(0).get("lectures_count").asInt()).isEqualTo(2);
    }

    @Test
    void detailOfAnUnpublishedCourseIsNotFoundForStudentsAndOtherTeachersStaff() {
        String path = "/api/courses/" + school.unpublished() + "/";
        for (Account account : List.of(school.student(), school.otherTeacher(), school.otherAssistant())) {
            ApiResponse response = given.as(account).get(path);
            assertThat(response.status()).as(account.email()).isEqualTo(404);
            assertThat(response.json().get("detail").asString()).isEqualTo("Not found.");
        }
    }

    @Test
    void detailOfAnUnpublishedCourseIsShownToItsTeacherTheirAssistantAndTheSiteOwner() {
        String path = "/api/courses/" + school.unpublished() + "/";
        for (Account account : List.of(school.teacher(), school.assistant(), given.siteOwner())) {
            ApiResponse response = given.as(account).get(path);
            assertThat(response.status()).as(account.email()).isEqualTo(200);
            assertThat(response.json().get("is_published").asBoolean()).isFalse();
        }
    }

    @Test
    void detailOfAPublishedCourseIsShownToEveryRole() {
        for (Account account : List.of(school.student(), school.otherTeacher(), school.otherAssistant(), given.siteOwner())) {
            assertThat(given.as(account).get("/api/courses/" + school.published() + "/").status()).isEqualTo(200);
        }
    }

    @Test
    void unknownOrNonNumericCourseIdIsNotFound() {
        assertThat(given.as(school.student()).get("/api/courses/999999/").status()).isEqualTo(404);
        ApiResponse response = given.as(school.student()).get("/api/courses/abc/");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).isEqualTo("Not found.");
    }

    @Test
    void subjectFilterKeepsThatSubjectsCourses() {
        assertThat(listedFor(school.teacher(), "?subject=" + school.physics()))
                .containsExactly(school.unpublished(), school.published());
    }

    @Test
    void teacherFilterKeepsThatTeachersVisibleCourses() {
        assertThat(listedFor(school.student(), "?teacher=" + school.otherTeacher().id())).containsExactly(school.othersPublished());
        assertThat(listedFor(school.otherTeacher(), "?teacher=" + school.otherTeacher().id()))
                .containsExactly(school.othersUnpublished(), school.othersPublished());
    }

    @Test
    void searchMatchesTitleOrDescriptionCaseInsensitively() {
        long described = given.course("Waves", school.teacher(), school.physics(), "10.00", true);
        jdbc.update("UPDATE courses SET description = 'Sound and LIGHT' WHERE id = ?", described);
        assertThat(listedFor(school.student(), "?search=mechan")).containsExactly(school.published());
        assertThat(listedFor(school.student(), "?search=light")).containsExactly(described);
    }

    @Test
    void searchTreatsWildcardsAsPlainText() {
        long percent = given.course("100% physics", school.teacher(), school.physics(), "10.00", true);
        long underscore = given.course("snake_case", school.teacher(), school.physics(), "10.00", true);
        assertThat(listedFor(school.student(), "?search=%25")).containsExactly(percent);
        assertThat(listedFor(school.student(), "?search=_")).containsExactly(underscore);
        assertThat(listedFor(school.student(), "?search=%5C")).isEmpty();
    }

    @Test
    void filtersCombineAndStillRespectVisibility() {
        assertThat(listedFor(school.student(), "?subject=" + school.physics() + "&search=optics")).isEmpty();
        assertThat(listedFor(school.teacher(), "?subject=" + school.physics() + "&search=optics"))
                .containsExactly(school.unpublished());
    }

    @Test
    void nonNumericFilterIsAFieldError() {
        ApiResponse response = given.as(school.student()).get("/api/courses/?subject=abc");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("subject").get(0).asString()).isEqualTo("A valid integer is required.");
    }

    @Test
    void bySubjectListsTheVisibleCoursesOfThatSubject() {
        assertThat(ids(given.as(school.student()).get("/api/courses/by-subject/" + school.physics() + "/")))
                .containsExactly(school.published());
        assertThat(ids(given.as(school.assistant()).get("/api/courses/by-subject/" + school.physics() + "/")))
                .containsExactly(school.unpublished(), school.published());
        assertThat(ids(given.as(given.siteOwner()).get("/api/courses/by-subject/" + school.maths() + "/?all=true")))
                .containsExactly(school.othersUnpublished(), school.othersPublished());
    }

    @Test
    void bySubjectOfASubjectWithoutCoursesIsAnEmptyList() {
        long chemistry = given.subject("Chemistry");
        JsonNode body = given.as(school.student()).get("/api/courses/by-subject/" + chemistry + "/").json();
        assertThat(body.get("count").asInt()).isZero();
    }

    @Test
    void bySubjectOfAnUnknownSubjectIsNotFound() {
        for (String query : List.of("", "?all=true")) {
            ApiResponse response = given.as(school.student()).get("/api/courses/by-subject/999999/" + query);
            assertThat(response.status()).as(query).isEqualTo(404);
            assertThat(response.json().get("detail").asString()).isEqualTo("Not found.");
        }
        assertThat(given.as(school.student()).get("/api/courses/by-subject/abc/").status()).isEqualTo(404);
    }

    @Test
    void allRowsListsEveryVisibleCourse() {
        JsonNode body = given.as(school.student()).get("/api/courses/?all=true").json();
        assertThat(body.get("count").asInt()).isEqualTo(2);
        assertThat(body.has("next")).isFalse();
        assertThat(body.get("results")).hasSize(2);
    }
}
