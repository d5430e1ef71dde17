package com.edutrack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Concurrently;
import com.edutrack.testing.Fixtures;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Refresh-token rotation, its blacklist and family revocation, and logout (product-spec section 2). */
class RefreshTest extends ApiTest {

    private static final String REFRESH = "/api/accounts/token/refresh/";
    private static final int RACE_ROUNDS = 200;

    /** The cookies of a fresh login: [access, refresh]. */
    private String[] login(Fixtures.Account account) {
        ApiResponse response = http.post("/api/accounts/login/",
                "{\"email\": \"" + account.email() + "\", \"password\": \"" + Fixtures.PASSWORD + "\"}");
        return new String[] {response.cookie("access_token").orElseThrow().getValue(),
                response.cookie("refresh_token").orElseThrow().getValue()};
    }

    private ApiResponse refreshWithCookie(String refreshToken) {
        return http.with("Cookie", "refresh_token=" + refreshToken).post(REFRESH, null);
    }

    private static void assertRefused(ApiResponse response) {
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asString()).isEqualTo("Invalid or expired refresh token");
        assertThat(response.setCookie("access_token")).isEmpty();
    }

    @Test
    void refreshIssuesANewPairOfCookies() {
        String[] tokens = login(given.student("Sara", "0.00"));
        ApiResponse response = refreshWithCookie(tokens[1]);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("message").asString()).isEqualTo("Token refreshed");
        String access = response.cookie("access_token").orElseThrow().getValue();
        String refresh = response.cookie("refresh_token").orElseThrow().getValue();
        assertThat(refresh).isNotEqualTo(tokens[1]);
        assertThat(response.setCookie("refresh_token").orElseThrow()).contains("Path=/api/accounts/").contains("HttpOnly");
        assertThat(http.with("Cookie", "access_token=" + access).get("/api/accounts/me/").status()).isEqualTo(200);
        assertThat(refreshWithCookie(refresh).status()).isEqualTo(200);
    }

    @Test
    void nonBrowserClientsMaySendTheTokenInTheBody() {
        String[] tokens = login(given.student("Omar", "0.00"));
        ApiResponse response = http.post(REFRESH, "{\"refresh\": \"" + tokens[1] + "\"}");
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void theOldTokenIsBlacklistedAndPresentingItAgainRevokesTheFamily() {
        String[] tokens = login(given.student("Laila", "0.00"));
        String next = refreshWithCookie(tokens[1]).cookie("refresh_token").orElseThrow().getValue();

        assertRefused(refreshWithCookie(tokens[1]));
        // The thief's replay also ends the legitimate holder's chain: that login must start again.
        assertRefused(refreshWithCookie(next));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token_families WHERE revoked_at IS NOT NULL",
                Long.class)).isEqualTo(1);
    }

    @Test
    void otherLoginsOfTheSameUserSurviveARevokedFamily() {
        Fixtures.Account student = given.student("Hany", "0.00");
        String[] phone = login(student);
        String[] laptop = login(student);
        refreshWithCookie(phone[1]);
        refreshWithCookie(phone[1]);
        assertThat(refreshWithCookie(laptop[1]).status()).isEqualTo(200);
    }

    @Test
    void missingOrMalformedTokensAreRefused() {
        assertRefused(http.post(REFRESH, null));
        assertRefused(http.post(REFRESH, "{}"));
        assertRefused(refreshWithCookie("not-a-jwt"));
        assertRefused(http.post(REFRESH, "{\"refresh\": \"a.b.c\"}"));
    }

    @Test
    void anAccessTokenIsNotARefreshToken() {
        String[] tokens = login(given.student("Nour", "0.00"));
        assertRefused(http.post(REFRESH, "{\"refresh\": \"" + tokens[0] + "\"}"));
    }

    @Test
    void anInactiveUsersRefreshTokenIsRefused() {
        Fixtures.Account student = given.student("Yara", "0.00");
        String[] tokens = login(student);
        given.deactivate(student);
        assertRefused(refreshWithCookie(tokens[1]));
    }

    @Test
    void logoutBlacklistsTheTokenAndClearsBothCookies() {
        String[] tokens = login(given.student("Adam", "0.00"));
        ApiResponse response = http.with("Cookie", "refresh_token=" + tokens[1]).post("/api/accounts/logout/", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("message").asString()).isEqualTo("Logged out");
        assertThat(response.setCookie("access_token").orElseThrow()).contains("Max-Age=0").contains("Path=/;");
        assertThat(response.setCookie("refresh_token").orElseThrow()).contains("Max-Age=0").contains("Path=/api/accounts/");
        assertRefused(refreshWithCookie(tokens[1]));
    }

    @Test
    void logoutWhenAlreadyLoggedOutStillSucceeds() {
        ApiResponse response = http.post("/api/accounts/logout/", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.setCookie("refresh_token")).isPresent();
    }

    @Test
    void logoutRacingARefreshOfTheSameTokenEndsTheSession() throws Exception {
        // Logout's blacklist insert took a key-share lock on the family row before its revoke, while a
        // refresh locks the family row first and then inserts the same token: a deadlock, once a 500.
        Fixtures.Account student = given.student("Rana", "0.00");
        Map<String, Integer> answers = new TreeMap<>();
        for (int round = 0; round < RACE_ROUNDS; round++) {
            String refreshToken = given.refreshToken(student);
            List<ApiResponse> responses = Concurrently.send(2, i -> i == 0
                    ? http.with("Cookie", "refresh_token=" + refreshToken).post("/api/accounts/logout/", null)
                    : refreshWithCookie(refreshToken));
            answers.merge("logout " + responses.get(0).status(), 1, Integer::sum);
            answers.merge("refresh " + responses.get(1).status(), 1, Integer::sum);
            // Whichever ran first, the login is over: neither the presented token nor a rotated one refreshes.
            assertRefused(refreshWithCookie(refreshToken));
            responses.get(1).cookie("refresh_token").ifPresent(rotated -> assertRefused(refreshWithCookie(rotated.getValue())));
        }
        assertThat(answers.keySet()).as("answers: " + answers).isSubsetOf("logout 200", "refresh 200", "refresh 401");
        assertThat(answers.get("logout 200")).isEqualTo(RACE_ROUNDS);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token_families WHERE revoked_at IS NULL",
                Long.class)).isZero();
    }
}
