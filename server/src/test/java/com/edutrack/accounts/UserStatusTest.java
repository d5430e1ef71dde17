package com.edutrack.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PATCH /api/accounts/users/{id}/: the site owner blocks and unblocks users (product-spec section 2). */
class UserStatusTest extends ApiTest {

    private static final String BLOCK = "{\"is_active\": false}";
    private static final String UNBLOCK = "{\"is_active\": true}";

    private Http owner;
    private Fixtures.Account sara;

    @BeforeEach
    void setUp() {
        owner = given.as(given.siteOwner());
        sara = given.student("Sara", "0.00");
    }

    private String path(long id) {
        return "/api/accounts/users/" + id + "/";
    }

    private ApiResponse login(Fixtures.Account account) {
        return http.post("/api/accounts/login/",
                "{\"email\": \"" + account.email() + "\", \"password\": \"" + Fixtures.PASSWORD + "\"}");
    }

    private boolean active(long id) {
        return jdbc.queryForObject("SELECT is_active FROM users WHERE id = ?", Boolean.class, id);
    }

    @Test
    void blockingAnswersTheBlockedUser() {
        ApiResponse response = owner.patch(path(sara.id()), BLOCK);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("id").asLong()).isEqualTo(sara.id());
        assertThat(response.json().get("is_active").asBoolean()).isFalse();
        assertThat(active(sara.id())).isFalse();
    }

    @Test
    void blockedUsersLiveAccessTokenIsRefusedAsInactive() {
        String access = login(sara).cookie("access_token").orElseThrow().getValue();
        Http browser = http.with("Cookie", "access_token=" + access);
        assertThat(browser.get("/api/accounts/me/").status()).isEqualTo(200);

        owner.patch(path(sara.id()), BLOCK);

        ApiResponse me = browser.get("/api/accounts/me/");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.json().get("detail").asString()).isEqualTo("User is inactive");
        assertThat(me.json().get("code").asString()).isEqualTo("user_inactive");
    }

    @Test
    void blockedUsersRefreshTokenIsRefused() {
        String refresh = login(sara).cookie("refresh_token").orElseThrow().getValue();

        owner.patch(path(sara.id()), BLOCK);

        ApiResponse response = http.post("/api/accounts/token/refresh/", "{\"refresh\": \"" + refresh + "\"}");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("error").asString()).isEqualTo("Invalid or expired refresh token");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token_families WHERE user_id = ? AND revoked_at IS NULL",
                Long.class, sara.id())).isZero();
    }

    @Test
    void blockedUserCannotLogIn() {
        owner.patch(path(sara.id()), BLOCK);
        ApiResponse response = login(sara);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).isEqualTo("This account is inactive. Contact the site owner.");
    }

    @Test
    void unblockingLetsTheUserLogInAgain() {
        owner.patch(path(sara.id()), BLOCK);

        ApiResponse response = owner.patch(path(sara.id()), UNBLOCK);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("is_active").asBoolean()).isTrue();
        ApiResponse login = login(sara);
        assertThat(login.status()).isEqualTo(200);
        String access = login.cookie("access_token").orElseThrow().getValue();
        assertThat(http.with("Cookie", "access_token=" + access).get("/api/accounts/me/").status()).isEqualTo(200);
    }

    @Test
    void unblockingAnActiveUserKeepsTheirLogins() {
        login(sara);
        assertThat(owner.patch(path(sara.id()), UNBLOCK).status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM refresh_token_families WHERE user_id = ? AND revoked_at IS NULL",
                Long.class, sara.id())).isEqualTo(1);
    }

    @Test
    void teachersAndAssistantsCanBeBlockedToo() {
        Fixtures.Account mona = given.teacher("Mona", null);
        Fixtures.Account omar = given.assistant("Omar", mona);
        assertThat(owner.patch(path(mona.id()), BLOCK).json().get("role").asString()).isEqualTo("teacher");
        assertThat(owner.patch(path(omar.id()), BLOCK).json().get("role").asString()).isEqualTo("assistant");
        assertThat(active(mona.id())).isFalse();
        assertThat(active(omar.id())).isFalse();
    }

    @Test
    void siteOwnerCannotBeBlocked() {
        long ownerId = given.siteOwner().id();
        ApiResponse response = owner.patch(path(ownerId), BLOCK);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).isEqualTo("You do not have permission to perform this action.");
        assertThat(active(ownerId)).isTrue();
    }

    @Test
    void unknownUserIsNotFound() {
        ApiResponse response = owner.patch(path(987654), BLOCK);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).isEqualTo("Not found.");
    }

    @Test
    void idThatIsNotANumberIsNotFound() {
        assertThat(owner.patch("/api/accounts/users/sara/", BLOCK).status()).isEqualTo(404);
    }

    @Test
    void missingIsActiveIsRequiredAndChangesNothing() {
        ApiResponse response = owner.patch(path(sara.id()), "{}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("is_active").get(0).asString()).isEqualTo("This field is required.");
        assertThat(active(sara.id())).isTrue();
    }

    @Test
    void isActiveThatIsNotABooleanIsAFieldError() {
        ApiResponse response = owner.patch(path(sara.id()), "{\"is_active\": \"maybe\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("is_active").get(0).asString()).isEqualTo("Must be a valid boolean.");
        assertThat(active(sara.id())).isTrue();
    }
}
