package com.edutrack.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every response carries {@code X-Request-ID}, and every log line written while the request runs carries
 * it as {@code request_id} (MDC): the caller's id (a proxy's, a frontend's) when it is 1 to 128 of
 * {@code [A-Za-z0-9._-]}, else a new random one. Anything else is replaced rather than echoed, so no
 * caller can put line breaks, markup or a megabyte into the logs and headers.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestId extends OncePerRequestFilter {

    public static final String HEADER = "X-Request-ID";
    /** The MDC key, and so the field of the JSON logs. */
    public static final String MDC_KEY = "request_id";

    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{1,128}");
    private static final String ATTRIBUTE = RequestId.class.getName();

    /** The caller's id when well-formed, else a new one. */
    static String of(String presented) {
        return presented != null && WELL_FORMED.matcher(presented).matches() ? presented : UUID.randomUUID().toString();
    }

    /** The id this request was given, also on the container's error dispatch; a new one if it has none yet. */
    static String of(HttpServletRequest request) {
        Object given = request.getAttribute(ATTRIBUTE);
        if (given instanceof String id) {
            return id;
        }
        String id = of(request.getHeader(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        return id;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false; // the error page's response needs the header too
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = of(request);
        response.setHeader(HEADER, id);
        String outer = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, id);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                MDC.remove(MDC_KEY);
            } else {
                MDC.put(MDC_KEY, outer);
            }
        }
    }
}
