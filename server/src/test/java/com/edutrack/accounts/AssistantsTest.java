package com.edutrack.accounts;

import static com.edutrack.accounts.AccountBodies.account;
import static com.edutrack.accounts.AccountBodies.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A teacher creates and lists their own assistants; the site owner lists them all. */
class AssistantsTest extends ApiTest {

    private Fixtures.Account mona;
    private Fixtures.Account ahmed;

    @BeforeEach
    void teachers() {
        mona = given.teacher("Mona", null);
        ahmed = given.teacher("Ahmed", null);
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("results").forEach(row -> names.add(row.get("full_name").asString()));
        return names;
    }

    private long assistants() {
        return jdbc.queryForObject("SELECT count(*) FROM users WHERE role = 'assistant'", Long.class);
    }

    @Test
    void teacherCreatesAnAssistantOfTheirOwn() {
        ApiResponse response = given.as(mona).post("/api/accounts/assistants/", json(account("omar@edutrack.test")));

        assertThat(response.status()).isEqualTo(201);
        JsonNode assistant = response.json();
        assertThat(assistant.get("role").asString()).isEqualTo("assistant");
        assertThat(assistant.get("teacher").get("id").asLong()).isEqualTo(mona.id());
        assertThat(assistant.get("teacher").get("full_name").asString()).isEqualTo("Mona Tester");
        assertThat(jdbc.queryForObject("SELECT teacher_id FROM assistant_profiles WHERE user_id = ?", Long.class,
                assistant.get("id").asLong())).isEqualTo(mona.id());
    }

    @Test
    void newAssistantCanLogIn() {
        given.as(mona).post("/api/accounts/assistants/", json(account("omar@edutrack.test")));
        ApiResponse login = http.post("/api/accounts/login/",
                "{\"email\": \"omar@edutrack.test\", \"password\": \"" + AccountBodies.PASSWORD + "\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("user").get("role").asString()).isEqualTo("assistant");
    }

    @Test
    void teacherSeesOnlyTheirOwnAssistants() {
        given.assistant("Omar", mona);
        given.assistant("Hany", ahmed);
        given.assistant("Laila", mona);

        JsonNode page = given.as(mona).get("/api/accounts/assistants/").json();
        assertThat(page.get("count").asLong()).isEqualTo(2);
        assertThat(names(page)).containsExactly("Omar Tester", "Laila Tester");
        assertThat(names(given.as(ahmed).get("/api/accounts/assistants/").json())).containsExactly("Hany Tester");
    }

    @Test
    void siteOwnerSeesEveryAssistantWithTheirTeacher() {
        given.assistant("Omar", mona);
        given.assistant("Hany", ahmed);

        JsonNode page = given.as(given.siteOwner()).get("/api/accounts/assistants/").json();
        assertThat(names(page)).containsExactly("Omar Tester", "Hany Tester");
        assertThat(page.get("results").get(1).get("teacher").get("full_name").asString()).isEqualTo("Ahmed Tester");
    }

    @Test
    void assistantListIsPaginated() {
        given.assistant("Omar", mona);
        given.assistant("Laila", mona);

        JsonNode first = given.as(mona).get("/api/accounts/assistants/?page_size=1").json();
        assertThat(first.get("count").asLong()).isEqualTo(2);
        assertThat(names(first)).containsExactly("Omar Tester");
        assertThat(first.get("next").asString()).endsWith("/api/accounts/assistants/?page_size=1&page=2");
        assertThat(given.as(mona).get("/api/accounts/assistants/?page=3&page_size=1").status()).isEqualTo(404);
    }

    @Test
    void assistantEmailMayNotBelongToAnyAccount() {
        ApiResponse response = given.as(mona).post("/api/accounts/assistants/", json(account(ahmed.email())));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("email").get(0).asString()).isEqualTo("user with this email already exists.");
        assertThat(assistants()).isZero();
    }

    @Test
    void assistantPasswordFollowsThePasswordRules() {
        ApiResponse response = given.as(mona).post("/api/accounts/assistants/", account("omar@edutrack.test", "password", "omar-2026!"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("password").get(0).asString()).isEqualTo("The password is too similar to the email.");
        assertThat(assistants()).isZero();
    }

    @Test
    void assistantFieldsAreValidated() {
        ApiResponse response = given.as(mona).post("/api/accounts/assistants/", account("omar@", "phone", ""));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("email").get(0).asString()).isEqualTo("Enter a valid email address.");
        assertThat(response.json().get("phone").get(0).asString()).isEqualTo("This field may not be blank.");
        assertThat(assistants()).isZero();
    }
}
