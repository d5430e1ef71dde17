package com.edutrack.accounts;

import com.edutrack.web.Throttled;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Student registration throttled per client address, as DRF's {@code AnonRateThrottle} at
 * {@code "10/minute"}: each registration that passed validation costs a password hash, so one client
 * may not queue more than 10 a minute; past that, 429 with {@code Retry-After}. Attempts are rows in
 * PostgreSQL, counted under an advisory lock per address, so parallel requests and every instance
 * count the same ones.
 */
@Component
public class RegistrationThrottle {

    static final int PER_ADDRESS = 10;
    /** Attempts older than this count for nothing (ExpiredRowsCleanup deletes them). */
    public static final Duration WINDOW = Duration.ofMinutes(1);

    private final RegistrationMapper attempts;
    private final Clock clock;
    private final TransactionTemplate transactions;

    public RegistrationThrottle(RegistrationMapper attempts, Clock clock, TransactionTemplate transactions) {
        this.attempts = attempts;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** Counts one registration from this address, or throws 429 when it already has 10 this minute. */
    void attempt(String address) {
        transactions.executeWithoutResult(status -> {
            attempts.lockAttemptsOfAddress(address);
            Instant now = clock.instant();
            RegistrationMapper.RecentAttempts recent = attempts.recentAttempts(address, now.minus(WINDOW));
            if (recent.count() >= PER_ADDRESS) {
                throw Throttled.until(now, recent.oldest().plus(WINDOW));
            }
            attempts.recordAttempt(address);
        });
    }
}
