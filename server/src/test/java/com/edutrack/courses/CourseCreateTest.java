package com.edutrack.courses;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures.Account;
import com.edutrack.testing.School;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The body with {@code price} as the given JSON value, written as is. */
    private String pricedAt(String priceJson) {
        return """
                {"title": "Optics", "description": "Light.", "subject_id": %d, "teacher_id": %d, "price": %s,
                 "is_published": true}""".formatted(school.physics(), school.teacher().id(), priceJson);
    }

    private ApiResponse create(String body) {
        return given.as(given.siteOwner()).post("/api/courses/", body);
    }

    private long courseCount() {
        return jdbc.queryForObject("SELECT count(*) FROM courses", Long.class);
    }

    @Test
    void priceIsTakenAsAStringOrANumberAndKeptWithTwoPlaces() {
        // Product-spec section 9: DRF's DecimalField takes both, and renders exactly two places.
        Map<String, String> rendered = new LinkedHashMap<>();
        rendered.put("\"75.5\"", "75.50");
        rendered.put("\"75\"", "75.00");
        rendered.put("75.5", "75.50");
        rendered.put("75", "75.00");
        rendered.put("\"0.50\"", "0.50");
        rendered.put("0", "0.00");
        rendered.put("\"9999999999.99\"", "9999999999.99");
        rendered.forEach((input, price) -> {
            ApiResponse response = create(pricedAt(input));
            assertThat(response.status()).as(input + ": " + response.body()).isEqualTo(201);
            assertThat(response.json().get("price").asString()).as(input).isEqualTo(price);
            assertThat(jdbc.queryForObject("SELECT price::text FROM courses WHERE id = ?", String.class,
                    response.json().get("id").asLong())).as(input).isEqualTo(price);
        });
    }

    @Test
    void priceBeyondTheColumnIsAFieldErrorInDrfWords() {
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("\"75.505\"", "Ensure that there are no more than 2 decimal places.");
        refused.put("75.505", "Ensure that there are no more than 2 decimal places.");
        refused.put("\"0.001\"", "Ensure that there are no more than 2 decimal places.");
        // As DRF, a number it cannot take is reported alone, not also as below the minimum.
        refused.put("\"-0.001\"", "Ensure that there are no more than 2 decimal places.");
        refused.put("\"1234567890.123\"", "Ensure that there are no more than 12 digits in total.");
        refused.put("1234567890123", "Ensure that there are no more than 12 digits in total.");
        refused.put("\"12345678901\"", "Ensure that there are no more than 10 digits before the decimal point.");
        refused.put("12345678901.5", "Ensure that there are no more than 10 digits before the decimal point.");
        refused.forEach((input, message) -> {
            ApiResponse response = create(pricedAt(input));
            assertThat(response.status()).as(input + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(input).isEqualTo("{\"price\":[\"" + message + "\"]}");
        });
        assertThat(courseCount()).isEqualTo(4);
    }

    @Test
    void priceThatIsNotANumberIsAFieldError() {
        for (String input : List.of("\"ten\"", "\"\"", "\"  \"", "\"NaN\"", "\"Infinity\"", "\"1,5\"", "true", "{}", "[]")) {
            ApiResponse response = create(pricedAt(input));
            assertThat(response.status()).as(input + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(input).isEqualTo("{\"price\":[\"A valid number is required.\"]}");
        }
        assertThat(courseCount()).isEqualTo(4);
    }

    @Test
    void aBadPriceIsReportedWithTheOtherBadFields() {
        // The money rules are checked with every other field, so one answer lists them all.
        ApiResponse negative = create("""
                {"title": "", "description": "Light.", "subject_id": %d, "teacher_id": %d, "price": -1,
                 "is_published": true}""".formatted(school.physics(), school.teacher().id()));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("price").get(0).asString()).isEqualTo("Ensure this value is greater than or equal to 0.");
        assertThat(negative.json().get("title").get(0).asString()).isEqualTo("This field may not be blank.");
        ApiResponse tooPrecise = create("""
                {"title": "Optics", "description": "Light.", "subject_id": %d, "teacher_id": 0, "price": "1.001",
                 "is_published": true}""".formatted(school.physics()));
        assertThat(tooPrecise.status()).isEqualTo(400);
        assertThat(tooPrecise.json().get("price").get(0).asString()).isEqualTo("Ensure that there are no more than 2 decimal places.");
        assertThat(tooPrecise.json().get("teacher_id").get(0).asString()).isEqualTo("Ensure this value is greater than or equal to 1.");
        assertThat(courseCount()).isEqualTo(4);
    }

    @Test
    void aFractionalIdIsNotAnInteger() {
        // Jackson's default read 5.9 as 5: the course would have gone to another subject.
        ApiResponse response = create("""
                {"title": "Optics", "description": "Light.", "subject_id": %d.9, "teacher_id": %d,
                 "price": "10.00", "is_published": true}""".formatted(school.physics(), school.teacher().id()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"subject_id\":[\"A valid integer is required.\"]}");
        assertThat(courseCount()).isEqualTo(4);
    }

    @Test
    void anIdBeyondSixtyFourBitsIsAnInvalidPk() {
        ApiResponse response = create("""
                {"title": "Optics", "description": "Light.", "subject_id": %d, "teacher_id": 99999999999999999999,
                 "price": "10.00", "is_published": true}""".formatted(school.physics()));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).isEqualTo("{\"teacher_id\":[\"Invalid pk \\\"99999999999999999999\\\" - object does not exist.\"]}");
        assertThat(courseCount()).isEqualTo(4);
    }

    @Test
    void whitespaceOnlyTitleAndDescriptionAreBlank() {
        ApiResponse response = create("""
                {"title": "   ", "description": " \\t\\n ", "subject_id": %d, "teacher_id": %d, "price": "10.00",
                 "is_published": true}""".formatted(school.physics(), school.teacher().id()));
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("title").get(0).asString()).isEqualTo("This field may not be blank.");
        assertThat(response.json().get("description").get(0).asString()).isEqualTo("This field may not be blank.");
        assertThat(courseCount()).isEqualTo(4);
    }

    @Test
    void requiredTextsAreStoredStripped() {
        ApiResponse response = create("""
                {"title": "  Optics ", "description": " Light and lenses.\\n", "subject_id": %d, "teacher_id": %d,
                 "price": "10.00", "is_published": true}""".formatted(school.physics(), school.teacher().id()));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(jdbc.queryForMap("SELECT title, description FROM courses WHERE id = ?", response.json().get("id").asLong()))
                .containsEntry("title", "Optics").containsEntry("description", "Light and lenses.");
    }
}
