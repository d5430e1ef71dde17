package com.edutrack.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs before everything else, security included, so that every later step sees one form of the request:
 * <ul>
 * <li>API paths end with a slash, as the contract writes them; frontends that forget it are served too.</li>
 * <li>A {@code page_size} that is not a whole number is treated as absent, so it falls back to the default
 * as DRF does, instead of failing the conversion to the generated parameter's type. One too large for that type
 * (ten digits or more) is the largest page size, as any other large value is.</li>
 * </ul>
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestNormalizationFilter extends OncePerRequestFilter {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("\\d+");
    /** The digits an int parameter takes, leading zeros aside: any longer number is beyond the largest page size. */
    private static final int INT_DIGITS = 9;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean addSlash = request.getRequestURI().startsWith("/api/") && !request.getRequestURI().endsWith("/");
        String pageSize = request.getParameter(PageRequest.PAGE_SIZE);
        String usablePageSize = pageSize == null ? null : usablePageSize(pageSize);
        boolean changePageSize = !Objects.equals(pageSize, usablePageSize);
        chain.doFilter(addSlash || changePageSize ? new Normalized(request, addSlash, changePageSize, usablePageSize)
                : request, response);
    }

    /** The page size as the generated parameter can take it: null for none, the maximum for one too large. */
    private static String usablePageSize(String pageSize) {
        if (!WHOLE_NUMBER.matcher(pageSize).matches()) {
            return null;
        }
        String digits = pageSize.replaceFirst("^0+(?=\\d)", "");
        return digits.length() > INT_DIGITS ? String.valueOf(PageRequest.MAX_SIZE) : pageSize;
    }

    private static final class Normalized extends HttpServletRequestWrapper {

        private final boolean addSlash;
        private final Map<String, String[]> parameters;

        Normalized(HttpServletRequest request, boolean addSlash, boolean changePageSize, String pageSize) {
            super(request);
            this.addSlash = addSlash;
            Map<String, String[]> parameters = new LinkedHashMap<>(request.getParameterMap());
            if (changePageSize && pageSize == null) {
                parameters.remove(PageRequest.PAGE_SIZE);
            } else if (changePageSize) {
                parameters.put(PageRequest.PAGE_SIZE, new String[] {pageSize});
            }
            this.parameters = Collections.unmodifiableMap(parameters);
        }

        @Override
        public String getRequestURI() {
            return addSlash ? super.getRequestURI() + "/" : super.getRequestURI();
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = super.getRequestURL();
            return addSlash ? url.append('/') : url;
        }

        @Override
        public String getServletPath() {
            return addSlash ? super.getServletPath() + "/" : super.getServletPath();
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return parameters.get(name);
        }
    }
}
