package com.edutrack.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Http;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The site owner's student list and a student's own profile. */
class StudentsTest extends ApiTest {

    private Http owner;

    @BeforeEach
    void setUp() {
        owner = given.as(given.siteOwner());
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("results").forEach(row -> names.add(row.get("full_name").asString()));
        return names;
    }

    @Test
    void listHasEveryStudentByIdWithWalletBalance() {
        given.student("Sara", "150");
        Fixtures.Account omar = given.student("Omar", "0.00");
        given.deactivate(omar);
        given.teacher("Mona", null);

        JsonNode page = owner.get("/api/accounts/students/").json();
        assertThat(names(page)).containsExactly("Sara Tester", "Omar Tester");
        JsonNode sara = page.get("results").get(0);
        assertThat(sara.get("wallet_balance").asString()).isEqualTo("150.00");
        assertThat(sara.get("parent_phone").asString()).isEmpty();
        assertThat(sara.get("role").asString()).isEqualTo("student");
        assertThat(page.get("results").get(1).get("wallet_balance").asString()).isEqualTo("0.00");
        assertThat(page.get("results").get(1).get("is_active").asBoolean()).isFalse();
    }

    @Test
    void searchMatchesNameEmailOrPhone() {
        Fixtures.Account sara = given.student("Sara", "0.00");
        given.student("Omar", "0.00");
        jdbc.update("UPDATE users SET phone = '+201555000111' WHERE id = ?", sara.id());

        assertThat(names(owner.get("/api/accounts/students/?search=OMAR").json())).containsExactly("Omar Tester");
        assertThat(names(owner.get("/api/accounts/students/?search=" + sara.email()).json())).containsExactly("Sara Tester");
        assertThat(names(owner.get("/api/accounts/students/?search=555000").json())).containsExactly("Sara Tester");
        assertThat(owner.get("/api/accounts/students/?search=nobody").json().get("count").asLong()).isZero();
    }

    @Test
    void blankSearchKeepsEveryStudent() {
        given.student("Sara", "0.00");
        given.student("Omar", "0.00");
        assertThat(owner.get("/api/accounts/students/?search=%20%20").json().get("count").asLong()).isEqualTo(2);
    }

    @Test
    void listIsPaginatedAndKeepsTheSearch() {
        given.student("Sara", "0.00");
        given.student("Omar", "0.00");
        given.student("Laila", "0.00");

        JsonNode first = owner.get("/api/accounts/students/?page_size=1&search=tester").json();
        assertThat(first.get("count").asLong()).isEqualTo(3);
        assertThat(names(first)).containsExactly("Sara Tester");
        assertThat(first.get("next").asString()).endsWith("/api/accounts/students/?page_size=1&search=tester&page=2");
        JsonNode last = owner.get("/api/accounts/students/?page_size=1&search=tester&page=3").json();
        assertThat(names(last)).containsExactly("Laila Tester");
        assertThat(last.get("next").isNull()).isTrue();
    }

    @Test
    void allTrueStreamsEveryStudent() {
        given.student("Sara", "12.5");
        given.student("Omar", "0.00");
        JsonNode all = owner.get("/api/accounts/students/?all=true").json();
        assertThat(all.get("count").asLong()).isEqualTo(2);
        assertThat(all.get("results").get(0).get("wallet_balance").asString()).isEqualTo("12.50");
    }

    @Test
    void profileShowsTheStudentsWalletAndEnrollmentCounts() {
        Fixtures.Account sara = given.student("Sara", "250");
        given.student("Omar", "0.00");
        Fixtures.Account mona = given.teacher("Mona", null);
        long physics = given.subject("Physics");
        given.enrollment(sara, given.course("Mechanics", mona, physics, "100.00", true), "approved");
        given.enrollment(sara, given.course("Waves", mona, physics, "100.00", true), "pending");
        given.enrollment(sara, given.course("Optics", mona, physics, "100.00", true), "rejected");

        JsonNode profile = given.as(sara).get("/api/accounts/profile/me/").json();
        assertThat(profile.get("id").asLong()).isEqualTo(sara.id());
        assertThat(profile.get("email").asString()).isEqualTo(sara.email());
        assertThat(profile.get("wallet_balance").asString()).isEqualTo("250.00");
        assertThat(profile.get("enrollments_count").asInt()).isEqualTo(3);
        assertThat(profile.get("approved_courses_count").asInt()).isEqualTo(1);
    }

    @Test
    void profileOfANewStudentHasZeroCounts() {
        Fixtures.Account sara = given.student("Sara", "0.00");
        JsonNode profile = given.as(sara).get("/api/accounts/profile/me/").json();
        assertThat(profile.get("enrollments_count").asInt()).isZero();
        assertThat(profile.get("approved_courses_count").asInt()).isZero();
        assertThat(profile.get("wallet_balance").asString()).isEqualTo("0.00");
    }
}
