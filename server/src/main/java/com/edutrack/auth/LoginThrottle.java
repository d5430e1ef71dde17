package com.edutrack.auth;

import com.edutrack.web.ApiException;
import com.edutrack.web.ErrorBodies;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Login throttling of product-spec section 2: past 10 failures in a minute for one email, or 100 from
 * one client address, login answers 429 until the minute has passed. Failures are rows in PostgreSQL,
 * so every instance counts the same ones.
 */
@Component
public class LoginThrottle {

    static final int PER_EMAIL = 10;
    static final int PER_ADDRESS = 100;
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final AuthMapper failures;
    private final Clock clock;

    public LoginThrottle(AuthMapper failures, Clock clock) {
        this.failures = failures;
        this.clock = clock;
    }

    /** Throws 429 with {@code Retry-After} when this email or address has failed too often. */
    void check(String email, String address) {
        Instant now = clock.instant();
        AuthMapper.RecentFailures recent = failures.recentFailures(email, address, now.minus(WINDOW));
        Instant freeAt = null;
        if (recent.byEmail() >= PER_EMAIL) {
            freeAt = recent.oldestByEmail().plus(WINDOW);
        }
        if (recent.byAddress() >= PER_ADDRESS) {
            Instant addressFreeAt = recent.oldestByAddress().plus(WINDOW);
            freeAt = freeAt == null || addressFreeAt.isAfter(freeAt) ? addressFreeAt : freeAt;
        }
        if (freeAt != null) {
            long seconds = Math.max(1, (Duration.between(now, freeAt).toMillis() + 999) / 1000);
            throw new Throttled(seconds);
        }
    }

    void recordFailure(String email, String address) {
        failures.recordFailure(email, address);
    }

    /** 429 {"detail": "Request was throttled. Expected available in N seconds."} with Retry-After: N. */
    static final class Throttled extends ApiException {

        private final long seconds;

        Throttled(long seconds) {
            super(HttpStatus.TOO_MANY_REQUESTS, ErrorBodies.detail(
                    "Request was throttled. Expected available in " + seconds + " second" + (seconds == 1 ? "" : "s") + "."));
            this.seconds = seconds;
        }

        @Override
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
            return headers;
        }
    }
}
