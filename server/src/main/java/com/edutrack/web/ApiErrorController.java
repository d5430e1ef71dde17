package com.edutrack.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
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
        ErrorBodies.ContainerError error = ErrorBodies.forContainerStatus(code instanceof Integer value ? value : 500);
        return ResponseEntity.status(error.status()).body(error.body());
    }
}
