package com.edutrack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/** Forged, tampered, expired and misused tokens are all refused as SimpleJWT refuses them. */
class TokenAttackTest extends ApiTest {

    @Value("${edutrack.jwt.signing-key}")
    private String signingKey;

    private SecretKey key() {
        return Keys.hmacShaKeyFor(signingKey.getBytes(StandardCharsets.UTF_8));
    }

    private String access(long userId, String role, Instant expires, SecretKey key) {
        return Jwts.builder().subject(Long.toString(userId)).claim("token_type", "access").claim("role", role)
                .issuedAt(Date.from(expires.minusSeconds(1800))).expiration(Date.from(expires))
                .signWith(key, Jwts.SIG.HS256).compact();
    }

    private void assertRefused(String token) {
        ApiResponse response = http.with("Authorization", "Bearer " + token).get("/api/accounts/me/");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isEqualTo("Given token not valid for any token type");
        assertThat(response.json().get("code").asString()).isEqualTo("token_not_valid");
    }

    private static String base64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTokenWeSignedIsAccepted() {
        Fixtures.Account student = given.student("Sara", "0.00");
        String token = access(student.id(), "student", Instant.now().plusSeconds(600), key());
        assertThat(http.with("Authorization", "Bearer " + token).get("/api/accounts/me/").status()).isEqualTo(200);
    }

    @Test
    void algNoneIsRefused() {
        Fixtures.Account owner = given.siteOwner();
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        assertRefused(base64("{\"alg\":\"none\"}") + "." + base64("{\"sub\":\"" + owner.id()
                + "\",\"token_type\":\"access\",\"role\":\"siteowner\",\"exp\":" + exp + "}") + ".");
    }

    @Test
    void anotherKeyIsRefused() {
        Fixtures.Account student = given.student("Omar", "0.00");
        SecretKey other = Keys.hmacShaKeyFor("another-key-another-key-another-key-0123".getBytes(StandardCharsets.UTF_8));
        assertRefused(access(student.id(), "student", Instant.now().plusSeconds(600), other));
    }

    @Test
    void anotherAlgorithmWithOurKeyIsRefused() {
        Fixtures.Account student = given.student("Laila", "0.00");
        SecretKey longKey = Keys.hmacShaKeyFor((signingKey + signingKey).getBytes(StandardCharsets.UTF_8));
        String hs512 = Jwts.builder().subject(Long.toString(student.id())).claim("token_type", "access")
                .claim("role", "student").expiration(Date.from(Instant.now().plusSeconds(600)))
                .signWith(longKey, Jwts.SIG.HS512).compact();
        assertRefused(hs512);
    }

    @Test
    void aTamperedPayloadIsRefused() {
        Fixtures.Account student = given.student("Hany", "0.00");
        String[] parts = access(student.id(), "student", Instant.now().plusSeconds(600), key()).split("\\.");
        String forged = base64("{\"sub\":\"" + given.siteOwner().id() + "\",\"token_type\":\"access\",\"role\":\"siteowner\",\"exp\":"
                + Instant.now().plusSeconds(600).getEpochSecond() + "}");
        assertRefused(parts[0] + "." + forged + "." + parts[2]);
    }

    @Test
    void anExpiredTokenIsRefused() {
        Fixtures.Account student = given.student("Nour", "0.00");
        assertRefused(access(student.id(), "student", Instant.now().minusSeconds(5), key()));
    }

    @Test
    void aRefreshTokenIsNotAnAccessToken() {
        Fixtures.Account student = given.student("Yara", "0.00");
        ApiResponse login = http.post("/api/accounts/login/",
                "{\"email\": \"" + student.email() + "\", \"password\": \"" + Fixtures.PASSWORD + "\"}");
        String refresh = login.cookie("refresh_token").orElseThrow().getValue();
        assertRefused(refresh);
        ApiResponse viaCookie = http.with("Cookie", "access_token=" + refresh).get("/api/accounts/me/");
        assertThat(viaCookie.status()).isEqualTo(401);
    }

    @Test
    void theRoleComesFromTheDatabaseNotTheToken() {
        Fixtures.Account student = given.student("Adam", "0.00");
        String claimsOwner = access(student.id(), "siteowner", Instant.now().plusSeconds(600), key());
        ApiResponse response = http.with("Authorization", "Bearer " + claimsOwner)
                .post("/api/accounts/subjects/", "{\"name\": \"Hacking\", \"description\": \"no\"}");
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void anInactiveUsersLiveTokenIsRefusedOnTheNextRequest() {
        Fixtures.Account student = given.student("Mariam", "0.00");
        assertThat(given.as(student).get("/api/accounts/me/").status()).isEqualTo(200);
        given.deactivate(student);
        ApiResponse response = given.as(student).get("/api/accounts/me/");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().get("detail").asString()).isEqualTo("User is inactive");
        assertThat(response.json().get("code").asString()).isEqualTo("user_inactive");
    }

    @Test
    void aBadTokenOnAPublicEndpointIsIgnored() {
        ApiResponse response = http.with("Authorization", "Bearer garbage").get("/api/accounts/subjects/");
        assertThat(response.status()).isEqualTo(200);
    }
}
