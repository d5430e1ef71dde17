package com.edutrack.web;

import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 429 {"detail": "Request was throttled. Expected available in N seconds."} with Retry-After: N, as DRF answers. */
public final class Throttled extends ApiException {

    private final long seconds;

    private Throttled(long seconds) {
        super(HttpStatus.TOO_MANY_REQUESTS, ErrorBodies.detail(
                "Request was throttled. Expected available in " + seconds + " second" + (seconds == 1 ? "" : "s") + "."));
        this.seconds = seconds;
    }

    /** Throttled until {@code freeAt}, at least one second, rounded up. */
    public static Throttled until(Instant now, Instant freeAt) {
        return new Throttled(Math.max(1, (Duration.between(now, freeAt).toMillis() + 999) / 1000));
    }

    @Override
    public HttpHeaders headers() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return headers;
    }
}
