package com.edutrack.auth;

import com.edutrack.web.ErrorBodies;
import com.edutrack.web.ErrorResponseWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Enforces {@link Allowed} after the route is known and before the body is read, the order DRF checks
 * in: an unknown route is 404 and a wrong method 405 for everyone, and a caller who may not call the
 * endpoint hears 401 or 403 before anything about their input.
 */
@Component
public class AccessInterceptor implements HandlerInterceptor {

    private final ErrorResponseWriter errors;

    public AccessInterceptor(ErrorResponseWriter errors) {
        this.errors = errors;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Allowed allowed = method.getMethodAnnotation(Allowed.class);
        CurrentUser user = Authentication.currentUser().orElse(null);
        if (user == null) {
            if (allowed != null && (allowed.publicAccess() || allowed.anonymousOnly())) {
                return true;
            }
            errors.write(response, HttpStatus.UNAUTHORIZED.value(), Authentication.failure(request));
            return false;
        }
        if (!admits(allowed, user)) {
            errors.write(response, HttpStatus.FORBIDDEN.value(), ErrorBodies.detail(ErrorBodies.PERMISSION_DENIED));
            return false;
        }
        return true;
    }

    private static boolean admits(Allowed allowed, CurrentUser user) {
        if (allowed == null || allowed.anonymousOnly()) {
            return false;
        }
        return allowed.publicAccess() || Arrays.stream(allowed.value()).anyMatch(role -> role == user.role());
    }
}
