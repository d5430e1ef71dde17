package com.edutrack.auth;

import com.edutrack.config.DomainMetrics;
import com.edutrack.web.ApiExceptionHandler;
import com.edutrack.web.ErrorBodies;
import com.edutrack.web.ErrorResponseWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the access token from {@code Authorization: Bearer} or else the {@code access_token} cookie,
 * and checks the account is still active with one primary-key lookup, so a deactivated user is locked
 * out on their next request. A refused token leaves the request anonymous, with the reason kept for
 * the 401 a protected endpoint will answer. While the database is unavailable, the request ends here
 * with the same 503 as an endpoint's own query would get.
 */
public class AuthenticationFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuthenticationFilter.class);

    /**
     * Request attribute set when a valid Bearer token authenticated the caller (no CSRF check then). A
     * Bearer header that authenticates no one sets nothing: it must not switch off the cookie check.
     */
    public static final String BEARER = AuthenticationFilter.class.getName() + ".bearer";

    private final Tokens tokens;
    private final AuthMapper accounts;
    private final ErrorResponseWriter errors;
    private final DomainMetrics metrics;

    public AuthenticationFilter(Tokens tokens, AuthMapper accounts, ErrorResponseWriter errors, DomainMetrics metrics) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.errors = errors;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> bearer = bearer(request);
        Optional<String> token = bearer.isPresent() ? bearer : cookie(request, AuthCookies.ACCESS);
        if (token.isPresent()) {
            boolean authenticated;
            try {
                authenticated = authenticate(request, token.get());
            } catch (RuntimeException e) {
                // Outside Spring MVC, so ApiExceptionHandler never sees it: the container would answer 500.
                if (!ApiExceptionHandler.isDatabaseUnavailable(e)) {
                    throw e;
                }
                log.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
                metrics.databaseUnavailable();
                errors.write(response, HttpStatus.SERVICE_UNAVAILABLE.value(), ErrorBodies.detail(ErrorBodies.UNAVAILABLE));
                return;
            }
            if (bearer.isPresent() && authenticated) {
                request.setAttribute(BEARER, Boolean.TRUE);
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Whether the token authenticated an active user; otherwise the reason is kept for the 401. */
    private boolean authenticate(HttpServletRequest request, String token) {
        Optional<Tokens.Access> access = tokens.readAccess(token);
        if (access.isEmpty()) {
            request.setAttribute(Authentication.FAILURE,
                    ErrorBodies.detail("Given token not valid for any token type", "token_not_valid"));
            return false;
        }
        AuthMapper.Status status = accounts.findStatus(access.get().userId());
        if (status == null) {
            request.setAttribute(Authentication.FAILURE,
                    ErrorBodies.detail("User not found", "user_not_found"));
            return false;
        }
        if (!status.active()) {
            request.setAttribute(Authentication.FAILURE, ErrorBodies.detail("User is inactive", "user_inactive"));
            return false;
        }
        CurrentUser user = new CurrentUser(access.get().userId(), Role.of(status.role()));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        return true;
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(header.substring(7).strip());
        }
        return Optional.empty();
    }

    static Optional<String> cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
