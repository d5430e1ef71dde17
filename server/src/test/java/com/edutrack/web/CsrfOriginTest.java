package com.edutrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Product-spec section 3: Django's origin check on cookie-authenticated unsafe requests. */
class CsrfOriginTest extends ApiTest {

    private Http owner;

    @BeforeEach
    void loggedInOwnerWithCookies() {
        Fixtures.Account account = given.siteOwner();
        ApiResponse login = http.post("/api/accounts/login/",
                "{\"email\": \"" + account.email() + "\", \"password\": \"Owner-pass-2026\"}");
        owner = http.with("Cookie", "access_token=" + login.cookie("access_token").orElseThrow().getValue());
    }

    private ApiResponse createSubject(Http client) {
        return client.post("/api/accounts/subjects/", "{\"name\": \"Physics\", \"description\": \"Forces\"}");
    }

    private long subjects() {
        return jdbc.queryForObject("SELECT count(*) FROM subjects", Long.class);
    }

    @Test
    void untrustedOriginIsRefusedWithDjangosMessage() {
        ApiResponse response = createSubject(owner.with("Origin", "https://evil.example"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).isEqualTo(
                "CSRF Failed: Origin checking failed - https://evil.example does not match any trusted origins.");
        assertThat(subjects()).isZero();
    }

    @Test
    void untrustedRefererIsRefusedWhenThereIsNoOrigin() {
        ApiResponse response = createSubject(owner.with("Referer", "https://evil.example/pages/attack?x=1"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).contains("https://evil.example does not match");
        assertThat(subjects()).isZero();
    }

    @Test
    void trustedOriginPasses() {
        assertThat(createSubject(owner.with("Origin", "http://localhost:3000")).status()).isEqualTo(201);
    }

    @Test
    void trustedRefererPasses() {
        assertThat(createSubject(owner.with("Referer", "http://localhost:3000/dashboard")).status()).isEqualTo(201);
    }

    @Test
    void nonBrowserClientsWithNeitherHeaderAreNotChecked() {
        assertThat(createSubject(owner).status()).isEqualTo(201);
    }

    @Test
    void bearerRequestsAreNotChecked() {
        Http bearer = given.as(given.siteOwner()).with("Origin", "https://evil.example");
        assertThat(createSubject(bearer).status()).isEqualTo(201);
    }

    @Test
    void aBearerHeaderThatAuthenticatesNoOneDoesNotSkipTheCheck() {
        ApiResponse response = createSubject(owner.with("Authorization", "Bearer x").with("Origin", "https://evil.example"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).isEqualTo(
                "CSRF Failed: Origin checking failed - https://evil.example does not match any trusted origins.");
        assertThat(subjects()).isZero();
    }

    @Test
    void aBogusBearerDoesNotLetAnotherSiteLogACookieSessionOut() {
        ApiResponse response = http.with("Cookie", "refresh_token=x").with("Authorization", "Bearer x")
                .with("Origin", "https://evil.example").post("/api/accounts/logout/", null);
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("detail").asString()).startsWith("CSRF Failed: Origin checking failed");
    }

    @Test
    void refreshAndLogoutWithCookiesAreCheckedToo() {
        ApiResponse response = http.with("Cookie", "refresh_token=x").with("Origin", "https://evil.example")
                .post("/api/accounts/logout/", null);
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void safeMethodsAreNotChecked() {
        assertThat(owner.with("Origin", "https://evil.example").get("/api/accounts/me/").status()).isEqualTo(200);
    }
}
