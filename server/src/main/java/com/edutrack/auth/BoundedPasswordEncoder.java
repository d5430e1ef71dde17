package com.edutrack.auth;

import com.edutrack.web.ApiException;
import com.edutrack.web.ErrorBodies;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Runs at most a given number of password hashes at once, first come first served. Argon2id is built
 * to cost memory and CPU: 64 logins hashed together would hold 64 × 19 MiB and share the cores 64
 * ways, so each would finish as late as the last; queued, each waits only for those ahead of it.
 *
 * <p>The queue is bounded in length and in time: a request that finds it full, or that waits longer
 * than the bound for a slot, answers 503 with {@code Retry-After} instead. So a burst of registrations
 * or logins holds at most slots + queue request threads, and everything else the server does goes on.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    /** 503 {"detail": "Service temporarily unavailable."} with Retry-After: 1: no hashing slot in time. */
    static final class HashingBusy extends ApiException {

        HashingBusy() {
            super(HttpStatus.SERVICE_UNAVAILABLE, ErrorBodies.detail(ErrorBodies.UNAVAILABLE));
        }

        @Override
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, "1");
            return headers;
        }
    }

    private final PasswordEncoder hashes;
    private final Semaphore slots;
    /** Hashing or waiting for a slot: slots + queue at most. */
    private final Semaphore admitted;
    private final long maxWaitNanos;

    BoundedPasswordEncoder(PasswordEncoder hashes, int concurrentHashes, int queue, Duration maxWait) {
        this.hashes = hashes;
        this.slots = new Semaphore(concurrentHashes, true);
        this.admitted = new Semaphore(concurrentHashes + queue);
        this.maxWaitNanos = maxWait.toNanos();
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bounded(() -> hashes.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bounded(() -> hashes.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return hashes.upgradeEncoding(encodedPassword);
    }

    private <T> T bounded(Supplier<T> hash) {
        if (!admitted.tryAcquire()) {
            throw new HashingBusy();
        }
        try {
            if (!slots.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS)) {
                throw new HashingBusy();
            }
            try {
                return hash.get();
            } finally {
                slots.release();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HashingBusy();
        } finally {
            admitted.release();
        }
    }
}
