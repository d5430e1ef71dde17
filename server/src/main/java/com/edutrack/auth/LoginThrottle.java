package com.edutrack.auth;

import com.edutrack.web.Throttled;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Login throttling of product-spec section 2: past 10 failures in a minute for one email, or 100 from
 * one client address, login answers 429 until the minute has passed. Failures are rows in PostgreSQL,
 * so every instance counts the same ones.
 *
 * <p>An attempt is counted before its password is hashed, not after: were the count read first and
 * the failure written once the hash said no, a burst of parallel guesses would all read the same
 * count and all be checked. Counting and recording happen under PostgreSQL advisory locks on the
 * address and on the email, so on every instance together at most 10 attempts for one email are
 * checked in a minute; an attempt whose password turns out right is forgotten again.
 */
@Component
public class LoginThrottle {

    static final int PER_EMAIL = 10;
    static final int PER_ADDRESS = 100;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final AuthMapper attempts;
    private final Clock clock;
    private final TransactionTemplate transaction;

    public LoginThrottle(AuthMapper attempts, Clock clock, TransactionTemplate transaction) {
        this.attempts = attempts;
        this.clock = clock;
        this.transaction = transaction;
    }

    /**
     * Counts one attempt for this email and address and returns its id, or throws 429 with
     * {@code Retry-After} when either has failed too often. The attempt stands as a failure unless
     * {@link #forget(long)} is called.
     */
    long attempt(String email, String address) {
        return transaction.execute(status -> {
            // Always the address first, then the email: two attempts never wait for each other in a circle.
            attempts.lockAttemptsOfAddress(address);
            attempts.lockAttemptsOfEmail(email);
            Instant now = clock.instant();
            AuthMapper.RecentFailures recent = attempts.recentFailures(email, address, now.minus(WINDOW));
            Instant freeAt = null;
            if (recent.byEmail() >= PER_EMAIL) {
                freeAt = recent.oldestByEmail().plus(WINDOW);
            }
            if (recent.byAddress() >= PER_ADDRESS) {
                Instant addressFreeAt = recent.oldestByAddress().plus(WINDOW);
                freeAt = freeAt == null || addressFreeAt.isAfter(freeAt) ? addressFreeAt : freeAt;
            }
            if (freeAt != null) {
                throw Throttled.until(now, freeAt);
            }
            return attempts.recordAttempt(email, address);
        });
    }

    /** The attempt was not a failure: the password was right, or it could not be checked. */
    void forget(long attempt) {
        attempts.forgetAttempt(attempt);
    }
}
