package com.edutrack.auth;

import java.time.Instant;
import java.util.UUID;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface AuthMapper {

    /** What login needs of an account, found by email case-insensitively. */
    record Credentials(long id, String passwordHash, String role, boolean active) {
    }

    /** What every authenticated request needs: one primary-key lookup. */
    record Status(String role, boolean active) {
    }

    /** Failed (or still unchecked) logins in the last minute, for one email and for one client address. */
    record RecentFailures(int byEmail, Instant oldestByEmail, int byAddress, Instant oldestByAddress) {
    }

    Credentials findCredentials(@Param("email") String email);

    Status findStatus(@Param("id") long id);

    /** Only while the row still holds {@code old}: a password changed meanwhile is not overwritten. */
    void replacePasswordHash(@Param("id") long id, @Param("old") String old, @Param("hash") String hash);

    /** Held until the transaction ends: attempts from one client address are counted one at a time. */
    int lockAttemptsOfAddress(@Param("address") String address);

    /** Held until the transaction ends: attempts for one email are counted one at a time. */
    int lockAttemptsOfEmail(@Param("email") String email);

    /** A login attempt, counted as a failure until forgotten; its id. */
    long recordAttempt(@Param("email") String email, @Param("address") String address);

    void forgetAttempt(@Param("id") long id);

    RecentFailures recentFailures(@Param("email") String email, @Param("address") String address,
                                  @Param("since") Instant since);

    void insertFamily(@Param("id") UUID id, @Param("userId") long userId, @Param("expiresAt") Instant expiresAt);

    /** Locks the family row while a token of it is rotated; false when the family is unknown, expired or revoked. */
    boolean lockLiveFamily(@Param("id") UUID id);

    /** Locks the family row whatever its state, for logout; false when there is no such family (any more). */
    boolean lockFamily(@Param("id") UUID id);

    /** 1 when the token was blacklisted now, 0 when it already was: presented twice. */
    int blacklist(@Param("jti") UUID jti, @Param("family") UUID family, @Param("expiresAt") Instant expiresAt);

    /** A rotation keeps the login alive for another refresh lifetime. */
    void extendFamily(@Param("id") UUID id, @Param("expiresAt") Instant expiresAt);

    void revokeFamily(@Param("id") UUID id);

    void revokeFamiliesOf(@Param("userId") long userId);

    int deleteExpiredBlacklist(@Param("limit") int limit);

    int deleteExpiredFamilies(@Param("limit") int limit);

    int deleteOldFailures(@Param("before") Instant before, @Param("limit") int limit);
}
