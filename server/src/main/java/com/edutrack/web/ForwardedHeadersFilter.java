package com.edutrack.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one place {@code X-Forwarded-For}, {@code -Proto}, {@code -Host} and {@code -Port} are read (the
 * headers a Next.js {@code rewrites()} proxy sends, among others), and only when the socket peer is a
 * trusted proxy ({@code EDUTRACK_TRUSTED_PROXIES}). The request then reports the client's address (the
 * right-most {@code X-Forwarded-For} entry that is not itself a trusted proxy) and the public scheme,
 * host and port, so the throttles count the real client and page links point where the client is.
 * From any other peer, and with no trusted proxies (the default), the headers change nothing.
 * Spring Boot's own {@code server.forward-headers-strategy} is off, so that this rule is the only one.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ForwardedHeadersFilter extends OncePerRequestFilter {

    private static final Pattern HOST = Pattern.compile("([A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::(\\d{1,5}))?");

    private final TrustedProxies proxies;

    public ForwardedHeadersFilter(@Value("${edutrack.trusted-proxies:}") List<String> proxies) {
        this.proxies = TrustedProxies.of(proxies);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (proxies.isEmpty() || !fromTrustedProxy(request)) {
            chain.doFilter(request, response);
            return;
        }
        chain.doFilter(new Forwarded(request, clientAddress(request)), response);
    }

    private boolean fromTrustedProxy(HttpServletRequest request) {
        return TrustedProxies.literal(request.getRemoteAddr()).filter(proxies::contains).isPresent();
    }

    /**
     * From the right, each proxy appended the peer it heard from: the first entry that is not a trusted
     * proxy is the client. An entry that is not an address ends the walk at the last one that was.
     */
    private String clientAddress(HttpServletRequest request) {
        List<String> entries = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders("X-Forwarded-For"))) {
            for (String entry : header.split(",")) {
                entries.add(entry);
            }
        }
        String client = request.getRemoteAddr();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Optional<InetAddress> address = TrustedProxies.literal(entries.get(i));
            if (address.isEmpty()) {
                break;
            }
            client = address.get().getHostAddress();
            if (!proxies.contains(address.get())) {
                break;
            }
        }
        return client;
    }

    /** The first value of a header a proxy may have appended to: the one the client-facing proxy set. */
    private static Optional<String> first(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        if (value == null) {
            return Optional.empty();
        }
        String first = value.split(",", 2)[0].strip();
        return first.isEmpty() ? Optional.empty() : Optional.of(first);
    }

    private static final class Forwarded extends HttpServletRequestWrapper {

        private final String remoteAddress;
        private final String scheme;
        private final String host;
        private final int port;

        /** Scheme, host and port as Spring's own ForwardedHeaderFilter combines them; invalid values are ignored. */
        Forwarded(HttpServletRequest request, String remoteAddress) {
            super(request);
            this.remoteAddress = remoteAddress;
            String scheme = request.getScheme();
            String host = request.getServerName();
            int port = request.getServerPort();
            Optional<String> proto = first(request, "X-Forwarded-Proto").map(p -> p.toLowerCase(Locale.ROOT))
                    .filter(p -> p.equals("http") || p.equals("https"));
            if (proto.isPresent()) {
                scheme = proto.get();
                port = -1;
            }
            Optional<Matcher> forwardedHost = first(request, "X-Forwarded-Host").map(HOST::matcher).filter(Matcher::matches);
            if (forwardedHost.isPresent()) {
                host = forwardedHost.get().group(1);
                port = forwardedHost.get().group(2) == null ? -1 : validPort(forwardedHost.get().group(2), -1);
            }
            Optional<String> forwardedPort = first(request, "X-Forwarded-Port");
            if (forwardedPort.isPresent()) {
                port = validPort(forwardedPort.get(), port);
            }
            this.scheme = scheme;
            this.host = host;
            this.port = port != -1 ? port : scheme.equals("https") ? 443 : 80;
        }

        private static int validPort(String text, int otherwise) {
            if (!text.matches("\\d{1,5}")) {
                return otherwise;
            }
            int port = Integer.parseInt(text);
            return port >= 1 && port <= 65535 ? port : otherwise;
        }

        @Override
        public String getRemoteAddr() {
            return remoteAddress;
        }

        @Override
        public String getRemoteHost() {
            return remoteAddress;
        }

        @Override
        public String getScheme() {
            return scheme;
        }

        @Override
        public boolean isSecure() {
            return scheme.equals("https");
        }

        @Override
        public String getServerName() {
            return host;
        }

        @Override
        public int getServerPort() {
            return port;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(scheme).append("://").append(host);
            if (port != (scheme.equals("https") ? 443 : 80)) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }
    }
}
