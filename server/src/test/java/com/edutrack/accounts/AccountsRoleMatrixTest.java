package com.edutrack.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Product-spec section 6: every caller of every accounts endpoint gets the status of its role column;
 * refusals answer 401 or 403 with DRF's bodies, before anything about the input.
 */
class AccountsRoleMatrixTest extends ApiTest {

    private static final List<String> CALLERS = List.of("siteowner", "teacher", "assistant", "student", "anonymous");

    private Map<String, Http> clients;
    private Fixtures.Account target;

    @BeforeEach
    void callers() {
        Fixtures.Account teacher = given.teacher("Mona", null);
        Fixtures.Account student = given.student("Omar", "0.00");
        target = given.student("Target", "0.00");
        clients = Map.of(
                "siteowner", given.as(given.siteOwner()),
                "teacher", given.as(teacher),
                "assistant", given.as(given.assistant("Hany", teacher)),
                "student", given.as(student),
                "anonymous", http);
    }

    /** One endpoint and the statuses of siteowner, teacher, assistant, student, anonymous. */
    private static Stream<Arguments> cells(String method, String path, String body, int... statuses) {
        List<Arguments> cells = new ArrayList<>();
        for (int i = 0; i < CALLERS.size(); i++) {
            cells.add(Arguments.of(method + " " + path, CALLERS.get(i), body, statuses[i]));
        }
        return cells.stream();
    }

    static Stream<Arguments> matrix() {
        String account = AccountBodies.json(AccountBodies.account("new.person@edutrack.test"));
        return Stream.of(
                cells("POST", "/api/accounts/student/register/", account, 403, 403, 403, 403, 201),
                cells("GET", "/api/accounts/public/teachers/", null, 200, 200, 200, 200, 200),
                cells("GET", "/api/accounts/teachers/", null, 200, 403, 403, 403, 401),
                cells("POST", "/api/accounts/teachers/", account, 201, 403, 403, 403, 401),
                cells("GET", "/api/accounts/assistants/", null, 200, 200, 403, 403, 401),
                cells("POST", "/api/accounts/assistants/", account, 403, 201, 403, 403, 401),
                cells("GET", "/api/accounts/students/", null, 200, 403, 403, 403, 401),
                cells("PATCH", "/api/accounts/users/{target}/", "{\"is_active\": false}", 200, 403, 403, 403, 401),
                cells("GET", "/api/accounts/profile/me/", null, 403, 403, 403, 200, 401)
        ).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0} as {1} -> {3}")
    @MethodSource("matrix")
    void callerGetsTheStatusOfItsRoleColumn(String endpoint, String caller, String body, int expected) {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{target}", String.valueOf(target.id()));
        ApiResponse response = clients.get(caller).send(parts[0], path, body == null ? null : "application/json", body);

        assertThat(response.status()).as(response.body()).isEqualTo(expected);
        if (expected == 401) {
            assertThat(response.json().get("detail").asString()).isEqualTo("Authentication credentials were not provided.");
        }
        if (expected == 403) {
            assertThat(response.json().get("detail").asString()).isEqualTo("You do not have permission to perform this action.");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM users WHERE email = 'new.person@edutrack.test'", Long.class))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT is_active FROM users WHERE id = ?", Boolean.class, target.id())).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBodies")
    void refusedCallerHearsNothingAboutTheirInput(String caller, String method, String path) {
        ApiResponse response = clients.get(caller).send(method, path, "application/json", "{\"email\": \"not-an-email\"}");
        assertThat(response.status()).isEqualTo(caller.equals("anonymous") ? 401 : 403);
    }

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of("student", "POST", "/api/accounts/student/register/"),
                Arguments.of("teacher", "POST", "/api/accounts/teachers/"),
                Arguments.of("siteowner", "POST", "/api/accounts/assistants/"),
                Arguments.of("anonymous", "POST", "/api/accounts/assistants/"));
    }
}
