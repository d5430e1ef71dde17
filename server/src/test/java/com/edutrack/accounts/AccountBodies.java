package com.edutrack.accounts;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Request bodies of the account endpoints: a valid one to start from, and its JSON. */
final class AccountBodies {

    static final String PASSWORD = "Study-hard-2026";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private AccountBodies() {
    }

    /** The inputs every account creation takes, valid; change entries to make it invalid. */
    static Map<String, Object> account(String email) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("password", PASSWORD);
        body.put("first_name", "Sara");
        body.put("last_name", "Ali");
        body.put("phone", "+201001234567");
        return body;
    }

    static String json(Map<String, Object> body) {
        return JSON.writeValueAsString(body);
    }

    static String account(String email, String field, Object value) {
        Map<String, Object> body = account(email);
        body.put(field, value);
        return json(body);
    }
}
