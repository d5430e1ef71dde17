package com.edutrack.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page, reached by errors raised outside Spring MVC (the container
 * refusing a request, a filter failing): the same DRF bodies as everywhere else.
 */
@RestController
public class ApiErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        if (status == null) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        String detail = switch (status) {
            case NOT_FOUND -> ErrorBodies.NOT_FOUND;
            case FORBIDDEN -> ErrorBodies.PERMISSION_DENIED;
            case UNAUTHORIZED -> ErrorBodies.NOT_AUTHENTICATED;
            case CONTENT_TOO_LARGE -> ErrorBodies.TOO_LARGE;
            case SERVICE_UNAVAILABLE -> ErrorBodies.UNAVAILABLE;
            case BAD_REQUEST -> "Bad request.";
            default -> status.is5xxServerError() ? ErrorBodies.INTERNAL_ERROR : status.getReasonPhrase() + ".";
        };
        if (status.is5xxServerError() && status != HttpStatus.SERVICE_UNAVAILABLE) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return ResponseEntity.status(status).body(ErrorBodies.detail(detail));
    }
}
