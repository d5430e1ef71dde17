package com.edutrack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP client against the running server. Every response is checked against the contract
 * ({@link Contract}) before the test sees it.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private final String base;
    private final Map<String, List<String>> headers;

    public Http(int port) {
        this("http://localhost:" + port, new LinkedHashMap<>());
    }

    private Http(String base, Map<String, List<String>> headers) {
        this.base = base;
        this.headers = headers;
    }

    /** The same client, sending one more header with every request. */
    public Http with(String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        more.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        return new Http(base, more);
    }

    /** The same client, with the same headers, talking to the server on another port. */
    public Http at(int port) {
        return new Http("http://localhost:" + port, headers);
    }

    public ApiResponse get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    public ApiResponse post(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    public ApiResponse patch(String path, String json) {
        return send("PATCH", path, "application/json", json);
    }

    public ApiResponse send(String method, String pathAndQuery, String contentType, String body) {
        URI uri = URI.create(base + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        Map<String, List<String>> sent = new LinkedHashMap<>(headers);
        if (contentType != null) {
            sent.put("Content-Type", List.of(contentType));
        }
        sent.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            ApiResponse received = new ApiResponse(response.statusCode(), response.headers().map(), response.body());
            Contract.check(method, uri, sent, received);
            return received;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
