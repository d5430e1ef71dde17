package com.edutrack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import java.net.HttpCookie;
import org.junit.jupiter.api.Test;

/** Product-spec section 2: login, the cookies it sets, and who it refuses. */
class LoginTest extends ApiTest {

    private ApiResponse login(String email, String password) {
        return http.post("/api/accounts/login/", "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}");
    }

    @Test
    void loginAnswersTheUserAndSetsBothCookies() {
        Fixtures.Account student = given.student("Sara", "0.00");
        ApiResponse response = login(student.email(), Fixtures.PASSWORD);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("message").asString()).isEqualTo("Login successful");
        assertThat(response.json().get("user").get("id").asLong()).isEqualTo(student.id());
        assertThat(response.json().get("user").get("role").asString()).isEqualTo("student");
        assertThat(response.json().get("user").get("full_name").asString()).isEqualTo("Sara Tester");
        assertThat(response.body()).doesNotContain("token\":");

        String access = response.setCookie("access_token").orElseThrow();
        assertThat(access).contains("HttpOnly").contains("Path=/;").contains("Max-Age=1800").contains("SameSite=Lax")
                .doesNotContain("Secure");
        String refresh = response.setCookie("refresh_token").orElseThrow();
        assertThat(refresh).contains("HttpOnly").contains("Path=/api/accounts/").contains("Max-Age=604800");
    }

    @Test
    void emailMatchesCaseInsensitively() {
        Fixtures.Account student = given.student("Omar", "0.00");
        assertThat(login(student.email().toUpperCase(), Fixtures.PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void theAccessCookieAuthenticatesMe() {
        Fixtures.Account teacher = given.teacher("Mona", null);
        HttpCookie access = login(teacher.email(), Fixtures.PASSWORD).cookie("access_token").orElseThrow();
        ApiResponse me = http.with("Cookie", "access_token=" + access.getValue()).get("/api/accounts/me/");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(teacher.email());
        assertThat(me.json().get("role").asString()).isEqualTo("teacher");
    }

    @Test
    void wrongPasswordOrUnknownEmailIsUnauthorized() {
        Fixtures.Account student = given.student("Laila", "0.00");
        for (ApiResponse response : new ApiResponse[] {login(student.email(), "wrong-password"),
                login("nobody@edutrack.test", Fixtures.PASSWORD)}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().get("detail").asString())
                    .isEqualTo("No active account found with the given credentials");
            assertThat(response.setCookie("access_token")).isEmpty();
        }
    }

    @Test
    void inactiveAccountWithTheRightPasswordIsForbidden() {
        Fixtures.Account student = given.student("Hany", "0.00");
        given.deactivate(student);
        ApiResponse response = login(student.email(), Fixtures.PASSWORD);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).isEqualTo("This account is inactive. Contact the site owner.");
    }

    @Test
    void meWithoutCredentialsIsUnauthorized() {
        ApiResponse response = http.get("/api/accounts/me/");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isEqualTo("Authentication credentials were not provided.");
    }

    @Test
    void meWithABearerTokenOfEveryRole() {
        for (Fixtures.Account account : new Fixtures.Account[] {given.siteOwner(), given.teacher("T", null),
                given.student("S", "0.00")}) {
            ApiResponse me = given.as(account).get("/api/accounts/me/");
            assertThat(me.status()).isEqualTo(200);
            assertThat(me.json().get("id").asLong()).isEqualTo(account.id());
        }
    }
}
