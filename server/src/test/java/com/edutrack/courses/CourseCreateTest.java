package com.edutrack.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.School;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** POST /api/courses/: site owner only, references checked, DRF field errors. */
class CourseCreateTest extends ApiTest {

    private School school;

    @BeforeEach
    void school() {
        school = School.of(given);
    }

    private String body(long subjectId, long teacherId, String price) {
        return """
                {"title": " Thermodynamics ", "description": "Heat and work.", "subject_id": %d, "teacher_id": %d,
                 "price": "%s", "is_published": false}""".formatted(subjectId, teacherId, price);
    }

    @Test
    void siteOwnerCreatesACourse() {
        ApiResponse response = given.as(given.siteOwner()).post("/api/courses/", body(school.physics(), school.teacher().id(), "75.50"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode course = response.json();
        assertThat(course.get("title").asString()).isEqualTo("Thermodynamics");
        assertThat(course.get("price").asString()).isEqualTo("75.50");
        assertThat(course.get("is_published").asBoolean()).isFalse();
        assertThat(course.get("lectures_count").asInt()).isZero();
        assertThat(course.get("teacher").get("id").asLong()).isEqualTo(school.teacher().id());
        assertThat(given.as(school.teacher()).get("/api/courses/" + course.get("id").asLong() + "/").status()).isEqualTo(200);
    }

    @Test
    void otherRolesMayNotCreateCourses() {
        for (Account account : List.of(school.teacher(), school.assistant(), school.student())) {
            ApiResponse response = given.as(account).post("/api/courses/", body(school.physics(), school.teacher().id(), "10.00"));
            assertThat(response.status()).as(account.email()).isEqualTo(403);
            assertThat(response.json().get("detail").asString()).isEqualTo("You do not have permission to perform this action.");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM courses", Integer.class)).isEqualTo(4);
    }

    @Test
    void anonymousCallerIsNotAuthenticated() {
        assertThat(http.post("/api/courses/", body(school.physics(), school.teacher().id(), "10.00")).status()).isEqualTo(401);
    }

    @Test
    void unknownSubjectIsAnInvalidPk() {
        ApiResponse response = given.as(given.siteOwner()).post("/api/courses/", body(9999, school.teacher().id(), "10.00"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"subject_id\":[\"Invalid pk \\\"9999\\\" - object does not exist.\"]}");
    }

    @Test
    void teacherIdThatIsNotATeacherIsAnInvalidPk() {
        ApiResponse response = given.as(given.siteOwner()).post("/api/courses/", body(school.physics(), school.student().id(), "10.00"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("teacher_id").get(0).asString())
                .isEqualTo("Invalid pk \"" + school.student().id() + "\" - object does not exist.");
    }

    @Test
    void negativePriceIsAFieldError() {
        ApiResponse response = given.as(given.siteOwner()).post("/api/courses/", body(school.physics(), school.teacher().id(), "-1.00"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("price").get(0).asString()).isEqualTo("Ensure this value is greater than or equal to 0.");
    }

    @Test
    void missingAndOverlongFieldsAreFieldErrors() {
        ApiResponse response = given.as(given.siteOwner()).post("/api/courses/",
                "{\"title\": \"" + "x".repeat(201) + "\", \"subject_id\": \"abc\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("subject_id").get(0).asString()).isEqualTo("A valid integer is required.");
        response = given.as(given.siteOwner()).post("/api/courses/", "{\"title\": \"" + "x".repeat(201) + "\"}");
        JsonNode errors = response.json();
        assertThat(errors.get("title").get(0).asString()).isEqualTo("Ensure this field has no more than 200 characters.");
        assertThat(errors.get("teacher_id").get(0).asString()).isEqualTo("This field is required.");
        assertThat(errors.get("price").get(0).asString()).isEqualTo("This field is required.");
    }
}
