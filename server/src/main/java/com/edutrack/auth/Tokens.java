package com.edutrack.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs and reads the two JWTs: a 30-minute access token and a 7-day refresh token that belongs to a
 * family (one login). Only HS256 with our key is accepted: {@code alg: none}, other algorithms, other
 * keys, tampered or expired tokens, and a token of the other type all read as nothing.
 */
@Component
public class Tokens {

    public static final Duration ACCESS_LIFETIME = Duration.ofMinutes(30);
    public static final Duration REFRESH_LIFETIME = Duration.ofDays(7);

    private static final String TYPE = "token_type";
    private static final String ACCESS = "access";
    private static final String REFRESH = "refresh";
    private static final String FAMILY = "fam";
    private static final String ROLE = "role";

    public record Access(long userId, Role role) {
    }

    public record Refresh(long userId, UUID id, UUID family, Instant expiresAt) {
    }

    private final SecretKey key;
    private final JwtParser parser;
    private final Clock clock;

    public Tokens(@Value("${edutrack.jwt.signing-key:}") String configuredKey,
                  @Value("${edutrack.data-dir}") String dataDir, Clock clock) {
        this.key = SigningKey.of(configuredKey, Path.of(dataDir));
        this.clock = clock;
        this.parser = Jwts.parser()
                .verifyWith(key)
                .sig().clear().add(Jwts.SIG.HS256).and()
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    public String access(long userId, Role role) {
        Instant now = clock.instant();
        return Jwts.builder()
                .subject(Long.toString(userId))
                .claim(TYPE, ACCESS)
                .claim(ROLE, role.value())
                .id(UUID.randomUUID().toString())
                .issuedAt(Date.from(now))
                .expiration(Date.from(now.plus(ACCESS_LIFETIME)))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    /** The next refresh token of a family, valid for 7 days from now. */
    public Refresh nextRefresh(long userId, UUID family) {
        return new Refresh(userId, UUID.randomUUID(), family, clock.instant().plus(REFRESH_LIFETIME));
    }

    public String sign(Refresh refresh) {
        return Jwts.builder()
                .subject(Long.toString(refresh.userId()))
                .claim(TYPE, REFRESH)
                .claim(FAMILY, refresh.family().toString())
                .id(refresh.id().toString())
                .issuedAt(Date.from(clock.instant()))
                .expiration(Date.from(refresh.expiresAt()))
                .signWith(key, Jwts.SIG.HS256)
                .compact();
    }

    public Optional<Access> readAccess(String token) {
        return claims(token, ACCESS).map(c -> new Access(Long.parseLong(c.getSubject()), Role.of(c.get(ROLE, String.class))));
    }

    public Optional<Refresh> readRefresh(String token) {
        return claims(token, REFRESH).map(c -> new Refresh(Long.parseLong(c.getSubject()), UUID.fromString(c.getId()),
                UUID.fromString(c.get(FAMILY, String.class)), c.getExpiration().toInstant()));
    }

    private Optional<Claims> claims(String token, String type) {
        if (token == null || token.isBlank() || token.length() > 4096) {
            return Optional.empty();
        }
        try {
            Claims claims = parser.parseSignedClaims(token).getPayload();
            return type.equals(claims.get(TYPE)) && claims.getSubject() != null ? Optional.of(claims) : Optional.empty();
        } catch (JwtException | IllegalArgumentException | ClassCastException e) {
            return Optional.empty();
        }
    }
}
