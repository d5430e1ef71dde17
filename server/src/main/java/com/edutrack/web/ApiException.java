package com.edutrack.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * An error a service answers with: a status and a DRF-shaped body. Services throw it; the
 * {@link ApiExceptionHandler} writes it.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final Map<String, Object> body;

    public ApiException(HttpStatus status, Map<String, Object> body) {
        super(null, null, false, false);
        this.status = status;
        this.body = body;
    }

    public HttpStatus status() {
        return status;
    }

    public Map<String, Object> body() {
        return body;
    }

    /** Headers the error answers with besides its body. */
    public HttpHeaders headers() {
        return HttpHeaders.EMPTY;
    }

    /** 404 {"detail": "Not found."} */
    public static ApiException notFound() {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorBodies.detail(ErrorBodies.NOT_FOUND));
    }

    /** 403 {"detail": "You do not have permission to perform this action."} */
    public static ApiException permissionDenied() {
        return new ApiException(HttpStatus.FORBIDDEN, ErrorBodies.detail(ErrorBodies.PERMISSION_DENIED));
    }

    /** 503 {"detail": "Service temporarily unavailable."} with Retry-After: the server is busy, not broken. */
    public static ApiException busy(long retryAfterSeconds) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, ErrorBodies.detail(ErrorBodies.UNAVAILABLE)) {
            @Override
            public HttpHeaders headers() {
                HttpHeaders headers = new HttpHeaders();
                headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
                return headers;
            }
        };
    }

    /** 400 {"error": message}: a business rule was broken. */
    public static ApiException rule(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, Map.of("error", message));
    }

    /** 400 {field: [message]}: one field is invalid. */
    public static ApiException field(String field, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(field, List.of(message));
        return new ApiException(HttpStatus.BAD_REQUEST, body);
    }

    /** 400 {field: ["Invalid pk \"9\" - object does not exist."]}: a reference to a missing object. */
    public static ApiException invalidPk(String field, Object pk) {
        return field(field, ErrorBodies.invalidPk(pk));
    }
}
