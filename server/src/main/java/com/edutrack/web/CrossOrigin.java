package com.edutrack.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS with credentials for the configured origins (product-spec section 3). Other origins get no CORS
 * headers at all, and their requests go on as if they had no Origin: the browser keeps the answer from
 * the page, and the CSRF check refuses their cookie-authenticated writes.
 */
public final class CrossOrigin {

    private CrossOrigin() {
    }

    public static CorsFilter filter(List<String> allowedOrigins) {
        CorsConfiguration configuration = new CorsConfiguration();
        configuration.setAllowedOrigins(allowedOrigins);
        configuration.setAllowCredentials(true);
        configuration.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        configuration.setAllowedHeaders(List.of("Content-Type", "Authorization", "Idempotency-Key", "Accept"));
        configuration.setExposedHeaders(List.of(HttpHeaders.RETRY_AFTER));
        configuration.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", configuration);
        CorsFilter filter = new CorsFilter(source);
        filter.setCorsProcessor(new SilentForOtherOrigins());
        return filter;
    }

    private static final class SilentForOtherOrigins extends DefaultCorsProcessor {

        @Override
        protected void rejectRequest(org.springframework.http.server.ServerHttpResponse response) throws IOException {
            // No CORS headers and no body of our own: the browser does the refusing.
        }

        @Override
        public boolean processRequest(CorsConfiguration configuration, HttpServletRequest request,
                                      HttpServletResponse response) throws IOException {
            String origin = request.getHeader(HttpHeaders.ORIGIN);
            if (configuration != null && origin != null && configuration.checkOrigin(origin) == null) {
                return !org.springframework.web.cors.CorsUtils.isPreFlightRequest(request);
            }
            return super.processRequest(configuration, request, response);
        }
    }
}
