package com.edutrack.accounts;

import static com.edutrack.accounts.AccountBodies.account;
import static com.edutrack.accounts.AccountBodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public teacher list, the site owner's teacher list and teacher creation (product-spec sections 6, 7). */
class TeachersTest extends ApiTest {

    private Http owner;
    private long physics;

    @BeforeEach
    void setUp() {
        owner = given.as(given.siteOwner());
        physics = given.subject("Physics");
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("results").forEach(row -> names.add(row.get("full_name").asString()));
        return names;
    }

    private long teachers() {
        return jdbc.queryForObject("SELECT count(*) FROM users WHERE role = 'teacher'", Long.class);
    }

    // ---------------------------------------------------------------- public list

    @Test
    void publicListHasActiveTeachersOnlyByName() {
        given.teacher("Zeinab", physics);
        given.teacher("Ahmed", null);
        given.deactivate(given.teacher("Mona", physics));

        JsonNode page = http.get("/api/accounts/public/teachers/").json();
        assertThat(page.get("count").asLong()).isEqualTo(2);
        assertThat(names(page)).containsExactly("Ahmed Tester", "Zeinab Tester");
    }

    @Test
    void publicTeacherShowsProfileAndSubjectButNoAccountDetails() {
        given.teacher("Zeinab", physics);
        given.teacher("Ahmed", null);

        JsonNode results = http.get("/api/accounts/public/teachers/").json().get("results");
        JsonNode ahmed = results.get(0);
        assertThat(ahmed.get("bio").asString()).isEqualTo("Ahmed teaches.");
        assertThat(ahmed.get("photo_url").isNull()).isTrue();
        assertThat(ahmed.get("subject").isNull()).isTrue();
        assertThat(ahmed.has("email")).isFalse();
        JsonNode subject = results.get(1).get("subject");
        assertThat(subject.get("id").asLong()).isEqualTo(physics);
        assertThat(subject.get("name").asString()).isEqualTo("Physics");
        assertThat(subject.get("description").asString()).isEqualTo("All about Physics");
    }

    @Test
    void subjectFilterKeepsTheTeachersOfThatSubject() {
        long chemistry = given.subject("Chemistry");
        given.teacher("Zeinab", physics);
        given.teacher("Ahmed", chemistry);
        given.teacher("Mona", null);

        assertThat(names(http.get("/api/accounts/public/teachers/?subject=" + physics).json())).containsExactly("Zeinab Tester");
        assertThat(http.get("/api/accounts/public/teachers/?subject=999").json().get("count").asLong()).isZero();
    }

    @Test
    void subjectFilterThatIsNotANumberIsAFieldError() {
        ApiResponse response = http.get("/api/accounts/public/teachers/?subject=physics");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("subject").get(0).asString()).isEqualTo("A valid integer is required.");
    }

    @Test
    void publicListIsPaginated() {
        given.teacher("Ahmed", physics);
        given.teacher("Zeinab", physics);

        JsonNode first = http.get("/api/accounts/public/teachers/?page_size=1&subject=" + physics).json();
        assertThat(first.get("count").asLong()).isEqualTo(2);
        assertThat(names(first)).containsExactly("Ahmed Tester");
        assertThat(first.get("next").asString()).endsWith("/api/accounts/public/teachers/?page_size=1&subject=" + physics + "&page=2");
        JsonNode second = http.get("/api/accounts/public/teachers/?page_size=1&page=2&subject=" + physics).json();
        assertThat(names(second)).containsExactly("Zeinab Tester");
        assertThat(second.get("next").isNull()).isTrue();
    }

    // ---------------------------------------------------------------- site owner's list

    @Test
    void ownerListHasEveryTeacherByIdWithCoursesCount() {
        Fixtures.Account zeinab = given.teacher("Zeinab", physics);
        Fixtures.Account ahmed = given.teacher("Ahmed", null);
        given.deactivate(ahmed);
        given.course("Mechanics", zeinab, physics, "100.00", true);
        given.course("Waves", zeinab, physics, "80.00", false);

        JsonNode results = owner.get("/api/accounts/teachers/").json().get("results");
        assertThat(names(owner.get("/api/accounts/teachers/").json())).containsExactly("Zeinab Tester", "Ahmed Tester");
        assertThat(results.get(0).get("courses_count").asInt()).isEqualTo(2);
        assertThat(results.get(0).get("email").asString()).isEqualTo(zeinab.email());
        assertThat(results.get(0).get("subject").get("name").asString()).isEqualTo("Physics");
        assertThat(results.get(1).get("courses_count").asInt()).isZero();
        assertThat(results.get(1).get("is_active").asBoolean()).isFalse();
    }

    @Test
    void searchMatchesNameOrEmailCaseInsensitively() {
        Fixtures.Account zeinab = given.teacher("Zeinab", physics);
        given.teacher("Ahmed", physics);

        assertThat(names(owner.get("/api/accounts/teachers/?search=zEIN").json())).containsExactly("Zeinab Tester");
        assertThat(names(owner.get("/api/accounts/teachers/?search=TESTER").json())).hasSize(2);
        assertThat(names(owner.get("/api/accounts/teachers/?search=" + zeinab.email().toUpperCase()).json()))
                .containsExactly("Zeinab Tester");
        assertThat(owner.get("/api/accounts/teachers/?search=nobody").json().get("count").asLong()).isZero();
    }

    @Test
    void everySearchTermMustMatchSomeField() {
        given.teacher("Zeinab", physics);
        given.teacher("Ahmed", physics);

        assertThat(names(owner.get("/api/accounts/teachers/?search=ahmed%20tester").json())).containsExactly("Ahmed Tester");
        assertThat(owner.get("/api/accounts/teachers/?search=ahmed%20zeinab").json().get("count").asLong()).isZero();
    }

    @Test
    void searchWildcardsMatchOnlyThemselves() {
        given.teacher("Al_Sayed", physics);
        given.teacher("Alisayed", physics);

        assertThat(names(owner.get("/api/accounts/teachers/?search=l_s").json())).containsExactly("Al_Sayed Tester");
        assertThat(owner.get("/api/accounts/teachers/?search=%25").json().get("count").asLong()).isZero();
        assertThat(owner.get("/api/accounts/teachers/?search=%5C").json().get("count").asLong()).isZero();
    }

    @Test
    void ownerListIsPaginatedAndKeepsTheSearch() {
        given.teacher("Ahmed", physics);
        given.teacher("Zeinab", physics);

        JsonNode first = owner.get("/api/accounts/teachers/?search=tester&page_size=1").json();
        assertThat(first.get("count").asLong()).isEqualTo(2);
        assertThat(names(first)).containsExactly("Ahmed Tester");
        assertThat(first.get("next").asString()).endsWith("/api/accounts/teachers/?search=tester&page_size=1&page=2");
    }

    @Test
    void ownerListStreamsEveryTeacherWithAllTrue() {
        for (String name : List.of("Ahmed", "Mona", "Zeinab")) {
            given.teacher(name, physics);
        }
        JsonNode all = owner.get("/api/accounts/teachers/?all=true").json();
        assertThat(all.get("count").asLong()).isEqualTo(3);
        assertThat(names(all)).containsExactly("Ahmed Tester", "Mona Tester", "Zeinab Tester");
        assertThat(all.get("results").get(0).get("subject").get("name").asString()).isEqualTo("Physics");
    }

    // ---------------------------------------------------------------- create

    @Test
    void ownerCreatesATeacherWithSubjectBioAndPhoto() {
        Map<String, Object> body = account("ahmed@edutrack.test");
        body.put("subject_id", physics);
        body.put("bio", "Physics teacher with 12 years of experience.");
        body.put("photo_url", "https://cdn.example.com/teachers/ahmed.jpg");
        ApiResponse response = owner.post("/api/accounts/teachers/", json(body));

        assertThat(response.status()).isEqualTo(201);
        JsonNode teacher = response.json();
        assertThat(teacher.get("role").asString()).isEqualTo("teacher");
        assertThat(teacher.get("subject").get("id").asLong()).isEqualTo(physics);
        assertThat(teacher.get("bio").asString()).isEqualTo("Physics teacher with 12 years of experience.");
        assertThat(teacher.get("photo_url").asString()).isEqualTo("https://cdn.example.com/teachers/ahmed.jpg");
        assertThat(teacher.get("courses_count").asInt()).isZero();
        assertThat(jdbc.queryForObject("SELECT subject_id FROM teacher_profiles WHERE user_id = ?", Long.class,
                teacher.get("id").asLong())).isEqualTo(physics);
        assertThat(http.post("/api/accounts/login/",
                "{\"email\": \"ahmed@edutrack.test\", \"password\": \"" + AccountBodies.PASSWORD + "\"}").status())
                .isEqualTo(200);
    }

    @Test
    void teacherWithoutSubjectOrPhotoHasNulls() {
        JsonNode teacher = owner.post("/api/accounts/teachers/", json(account("ahmed@edutrack.test"))).json();
        assertThat(teacher.get("subject").isNull()).isTrue();
        assertThat(teacher.get("photo_url").isNull()).isTrue();
        assertThat(teacher.get("bio").asString()).isEmpty();
    }

    @Test
    void unknownSubjectIsAnInvalidPkAndCreatesNothing() {
        ApiResponse response = owner.post("/api/accounts/teachers/", account("ahmed@edutrack.test", "subject_id", 9));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("subject_id").get(0).asString()).isEqualTo("Invalid pk \"9\" - object does not exist.");
        assertThat(teachers()).isZero();
    }

    @Test
    void subjectIdThatIsNotANumberIsAFieldError() {
        ApiResponse response = owner.post("/api/accounts/teachers/", account("ahmed@edutrack.test", "subject_id", "physics"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("subject_id").get(0).asString()).isEqualTo("A valid integer is required.");
    }

    @Test
    void photoThatIsNotAWebUrlIsRefused() {
        for (String photo : List.of("not a url", "ftp://files.example.com/a.jpg", "javascript:alert(1)")) {
            ApiResponse response = owner.post("/api/accounts/teachers/", account("ahmed@edutrack.test", "photo_url", photo));
            assertThat(response.status()).as(photo).isEqualTo(400);
            assertThat(response.json().get("photo_url").get(0).asString()).isEqualTo("Enter a valid URL.");
        }
        assertThat(teachers()).isZero();
    }

    @Test
    void tooLongBioIsRefused() {
        ApiResponse response = owner.post("/api/accounts/teachers/", account("ahmed@edutrack.test", "bio", "b".repeat(5001)));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("bio").get(0).asString()).isEqualTo("Ensure this field has no more than 5000 characters.");
    }

    @Test
    void teacherEmailMayNotBelongToAnyAccount() {
        Fixtures.Account student = given.student("Sara", "0.00");
        ApiResponse response = owner.post("/api/accounts/teachers/", json(account(student.email().toUpperCase())));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("email").get(0).asString()).isEqualTo("user with this email already exists.");
        assertThat(teachers()).isZero();
    }

    @Test
    void teacherPasswordFollowsThePasswordRules() {
        ApiResponse response = owner.post("/api/accounts/teachers/", account("ahmed@edutrack.test", "password", "12345678"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("password").get(0).asString()).isEqualTo("This password is too common.");
        assertThat(response.json().get("password").get(1).asString()).isEqualTo("This password is entirely numeric.");
        assertThat(teachers()).isZero();
    }
}
