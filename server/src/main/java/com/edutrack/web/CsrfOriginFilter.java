package com.edutrack.web;

import com.edutrack.auth.AuthCookies;
import com.edutrack.auth.AuthenticationFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Django's CSRF origin check for cookie-authenticated unsafe requests (product-spec section 3): the
 * {@code Origin}, or else the origin of the {@code Referer}, must be a trusted origin. Requests that a
 * valid Bearer token authenticated, and requests with neither header (non-browser clients), pass; a
 * Bearer header that authenticates no one does not spare a cookie-carrying request the check.
 */
public class CsrfOriginFilter extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final Set<String> trustedOrigins;
    private final ErrorResponseWriter errors;

    public CsrfOriginFilter(List<String> trustedOrigins, ErrorResponseWriter errors) {
        this.trustedOrigins = Set.copyOf(trustedOrigins);
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || request.getAttribute(AuthenticationFilter.BEARER) != null
                || !carriesAuthCookie(request)) {
            chain.doFilter(request, response);
            return;
        }
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            origin = refererOrigin(request.getHeader(HttpHeaders.REFERER));
        }
        if (origin != null && !trustedOrigins.contains(origin)) {
            errors.write(response, HttpStatus.FORBIDDEN.value(), ErrorBodies.detail(
                    "CSRF Failed: Origin checking failed - " + origin + " does not match any trusted origins."));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean carriesAuthCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null && Arrays.stream(cookies).anyMatch(c ->
                AuthCookies.ACCESS.equals(c.getName()) || AuthCookies.REFRESH.equals(c.getName()));
    }

    /** scheme://host[:port] of the Referer; a Referer that is not a URL is its own (untrusted) origin. */
    private static String refererOrigin(String referer) {
        if (referer == null || referer.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(referer.strip());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return referer.strip();
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (IllegalArgumentException e) {
            return referer.strip();
        }
    }
}
