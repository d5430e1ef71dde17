package com.edutrack.auth;

import com.edutrack.web.ErrorBodies;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the current request, as the authentication filter left it. */
public final class Authentication {

    /** Request attribute holding the 401 body when credentials were presented but refused. */
    static final String FAILURE = Authentication.class.getName() + ".failure";

    private Authentication() {
    }

    public static Optional<CurrentUser> currentUser() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof CurrentUser user
                ? Optional.of(user)
                : Optional.empty();
    }

    /** The caller, for code that only runs behind {@link Allowed} with roles. */
    public static CurrentUser required() {
        return currentUser().orElseThrow(() -> new IllegalStateException("No authenticated caller"));
    }

    /** Why the request is not authenticated, in the words the frontend reacts to. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> failure(HttpServletRequest request) {
        Object failure = request.getAttribute(FAILURE);
        return failure instanceof Map<?, ?> body
                ? (Map<String, Object>) body
                : ErrorBodies.detail(ErrorBodies.NOT_AUTHENTICATED);
    }
}
