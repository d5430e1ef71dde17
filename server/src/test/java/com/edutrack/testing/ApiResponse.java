package com.edutrack.testing;

import java.net.HttpCookie;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A response as the test received it. */
public record ApiResponse(int status, Map<String, List<String>> headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    public List<String> headerValues(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    /** The Set-Cookie header for one cookie, as sent. */
    public Optional<String> setCookie(String name) {
        return headerValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
    }

    public Optional<HttpCookie> cookie(String name) {
        return setCookie(name).map(c -> HttpCookie.parse("Set-Cookie: " + c).get(0));
    }
}
