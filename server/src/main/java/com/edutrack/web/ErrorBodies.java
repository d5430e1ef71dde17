package com.edutrack.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The DRF error bodies the frontend already understands, and their messages. */
public final class ErrorBodies {

    public static final String NOT_FOUND = "Not found.";
    public static final String INVALID_PAGE = "Invalid page.";
    public static final String PERMISSION_DENIED = "You do not have permission to perform this action.";
    public static final String NOT_AUTHENTICATED = "Authentication credentials were not provided.";
    public static final String INTERNAL_ERROR = "Internal server error";
    public static final String UNAVAILABLE = "Service temporarily unavailable.";
    public static final String TOO_LARGE = "Request body is too large.";
    public static final String REQUIRED = "This field is required.";
    public static final String BLANK = "This field may not be blank.";

    private ErrorBodies() {
    }

    public static Map<String, Object> detail(String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        return body;
    }

    public static Map<String, Object> detail(String detail, String code) {
        Map<String, Object> body = detail(detail);
        body.put("code", code);
        return body;
    }

    /** An error the servlet container or a filter raised with a bare status, as the status and body to answer. */
    public record ContainerError(HttpStatus status, Map<String, Object> body) {
    }

    /** Unknown codes and every 5xx but 503 become a plain 500: nothing about the failure leaks. */
    public static ContainerError forContainerStatus(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (status) {
            case NOT_FOUND -> NOT_FOUND;
            case FORBIDDEN -> PERMISSION_DENIED;
            case UNAUTHORIZED -> NOT_AUTHENTICATED;
            case CONTENT_TOO_LARGE -> TOO_LARGE;
            case SERVICE_UNAVAILABLE -> UNAVAILABLE;
            case BAD_REQUEST -> "Bad request.";
            default -> status.is5xxServerError() ? INTERNAL_ERROR : status.getReasonPhrase() + ".";
        };
        if (status.is5xxServerError() && status != HttpStatus.SERVICE_UNAVAILABLE) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return new ContainerError(status, detail(detail));
    }

    public static String methodNotAllowed(String method) {
        return "Method \"" + method + "\" not allowed.";
    }

    public static String unsupportedMediaType(String contentType) {
        return "Unsupported media type \"" + contentType + "\" in request.";
    }

    /** DRF's PrimaryKeyRelatedField message for a reference to a missing object. */
    public static String invalidPk(Object pk) {
        return "Invalid pk \"" + pk + "\" - object does not exist.";
    }
}
