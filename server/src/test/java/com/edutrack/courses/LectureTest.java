package com.edutrack.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.School;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET and POST /api/courses/{id}/lectures/: approved students read, the course's staff write. */
class LectureTest extends ApiTest {

    private static final String LECTURE = """
            {"title": "Newton's laws", "video_url": "https://videos.example.com/newton.mp4", "position": 3}""";

    private School school;

    @BeforeEach
    void school() {
        school = School.of(given);
    }

    private String lectures(long courseId) {
        return "/api/courses/" + courseId + "/lectures/";
    }

    @Test
    void approvedStudentReadsTheLecturesByPosition() {
        long second = given.lecture(school.published(), "Second", 2);
        long first = given.lecture(school.published(), "First", 1);
        given.lecture(school.othersPublished(), "Elsewhere", 1);
        given.enrollment(school.student(), school.published(), "approved");
        ApiResponse response = given.as(school.student()).get(lectures(school.published()));
        assertThat(response.status()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        response.json().get("results").forEach(lecture -> ids.add(lecture.get("id").asLong()));
        assertThat(ids).containsExactly(first, second);
        JsonNode lecture = response.json().get("results").get(0);
        assertThat(lecture.get("course_id").asLong()).isEqualTo(school.published());
        assertThat(lecture.get("duration_minutes").asInt()).isEqualTo(30);
        assertThat(given.as(school.student()).get(lectures(school.published()) + "?all=true").json().get("count").asInt()).isEqualTo(2);
    }

    @Test
    void studentWithoutAnApprovedEnrollmentIsRefused() {
        Account pending = given.student("Pending", "0");
        Account rejected = given.student("Rejected", "0");
        given.enrollment(pending, school.published(), "pending");
        given.enrollment(rejected, school.published(), "rejected");
        for (Account student : List.of(school.student(), pending, rejected)) {
            for (String query : List.of("", "?all=true")) {
                ApiResponse response = given.as(student).get(lectures(school.published()) + query);
                assertThat(response.status()).as(student.email() + query).isEqualTo(403);
                assertThat(response.json().get("detail").asString()).isEqualTo("You do not have permission to perform this action.");
            }
        }
    }

    @Test
    void lecturesOfACourseTheStudentCannotSeeAreNotFound() {
        assertThat(given.as(school.student()).get(lectures(school.unpublished())).status()).isEqualTo(404);
        assertThat(given.as(school.student()).get(lectures(999999)).status()).isEqualTo(404);
        assertThat(given.as(school.student()).get("/api/courses/abc/lectures/").status()).isEqualTo(404);
    }

    @Test
    void onlyStudentsMayReadLectures() {
        for (Account account : List.of(given.siteOwner(), school.teacher(), school.assistant())) {
            assertThat(given.as(account).get(lectures(school.published())).status()).as(account.email()).isEqualTo(403);
        }
        assertThat(http.get(lectures(school.published())).status()).isEqualTo(401);
    }

    @Test
    void courseTeacherAddsALecture() {
        ApiResponse response = given.as(school.teacher()).post(lectures(school.unpublished()), LECTURE);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode lecture = response.json();
        assertThat(lecture.get("course_id").asLong()).isEqualTo(school.unpublished());
        assertThat(lecture.get("title").asString()).isEqualTo("Newton's laws");
        assertThat(lecture.get("description").asString()).isEmpty();
        assertThat(lecture.get("position").asInt()).isEqualTo(3);
        assertThat(lecture.get("duration_minutes").isNull()).isTrue();
    }

    @Test
    void assistantOfTheCourseTeacherAddsALecture() {
        ApiResponse response = given.as(school.assistant()).post(lectures(school.published()), """
                {"title": "Kepler", "description": "Orbits", "video_url": "http://v.example/k", "position": 1, "duration_minutes": 40}""");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("duration_minutes").asInt()).isEqualTo(40);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lectures WHERE course_id = ?", Integer.class, school.published())).isEqualTo(1);
    }

    @Test
    void otherTeacherAndTheirAssistantMayNotAddLecturesToAVisibleCourse() {
        for (Account account : List.of(school.otherTeacher(), school.otherAssistant())) {
            ApiResponse response = given.as(account).post(lectures(school.published()), LECTURE);
            assertThat(response.status()).as(account.email()).isEqualTo(403);
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lectures", Integer.class)).isZero();
    }

    @Test
    void otherTeachersUnpublishedCourseIsNotFound() {
        assertThat(given.as(school.otherTeacher()).post(lectures(school.unpublished()), LECTURE).status()).isEqualTo(404);
        assertThat(given.as(school.teacher()).post(lectures(999999), LECTURE).status()).isEqualTo(404);
    }

    @Test
    void siteOwnerStudentAndAnonymousMayNotAddLectures() {
        assertThat(given.as(given.siteOwner()).post(lectures(school.published()), LECTURE).status()).isEqualTo(403);
        assertThat(given.as(school.student()).post(lectures(school.published()), LECTURE).status()).isEqualTo(403);
        assertThat(http.post(lectures(school.published()), LECTURE).status()).isEqualTo(401);
    }

    @Test
    void invalidLectureFieldsAreFieldErrors() {
        ApiResponse response = given.as(school.teacher()).post(lectures(school.published()), "{\"position\": -1}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("title").get(0).asString()).isEqualTo("This field is required.");
        assertThat(response.json().get("video_url").get(0).asString()).isEqualTo("This field is required.");
        assertThat(response.json().get("position").get(0).asString()).isEqualTo("Ensure this value is greater than or equal to 0.");
        response = given.as(school.teacher()).post(lectures(school.published()),
                "{\"title\": \"T\", \"video_url\": \"javascript:alert(1)\", \"position\": 1}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("video_url").get(0).asString()).isEqualTo("Enter a valid URL.");
    }

    @Test
    void fractionalOrOverflowingNumbersAreFieldErrors() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("\"position\": 1.5", "{\"position\":[\"A valid integer is required.\"]}");
        refused.put("\"position\": 2147483648", "{\"position\":[\"Ensure this value is less than or equal to 2147483647.\"]}");
        refused.put("\"position\": -2147483649", "{\"position\":[\"Ensure this value is greater than or equal to 0.\"]}");
        refused.put("\"position\": 1, \"duration_minutes\": 44.5", "{\"duration_minutes\":[\"A valid integer is required.\"]}");
        refused.put("\"position\": 1, \"duration_minutes\": 1e30",
                "{\"duration_minutes\":[\"A valid integer is required.\"]}");
        refused.forEach((numbers, body) -> {
            ApiResponse response = given.as(school.teacher()).post(lectures(school.published()),
                    "{\"title\": \"T\", \"video_url\": \"https://videos.example.com/t.mp4\", " + numbers + "}");
            assertThat(response.status()).as(numbers + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(numbers).isEqualTo(body);
        });
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lectures", Integer.class)).isZero();
    }

    @Test
    void whitespaceOnlyTitleAndUrlAreBlank() {
        ApiResponse response = given.as(school.teacher()).post(lectures(school.published()),
                "{\"title\": \"  \", \"video_url\": \" \", \"position\": 1}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("title").get(0).asString()).isEqualTo("This field may not be blank.");
        assertThat(response.json().get("video_url").get(0).asString()).isEqualTo("This field may not be blank.");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM lectures", Integer.class)).isZero();
    }
}
