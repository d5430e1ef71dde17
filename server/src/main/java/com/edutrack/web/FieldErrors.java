package com.edutrack.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Field errors a service finds beyond what the contract's annotations check, collected so that one
 * 400 lists every invalid field at once, as a DRF serializer does.
 */
public final class FieldErrors {

    private final Map<String, Object> errors = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    public FieldErrors add(String field, String message) {
        ((List<String>) errors.computeIfAbsent(field, k -> new ArrayList<String>())).add(message);
        return this;
    }

    public FieldErrors addAll(String field, List<String> messages) {
        messages.forEach(message -> add(field, message));
        return this;
    }

    public boolean has(String field) {
        return errors.containsKey(field);
    }

    /** 400 with every error found, when any was. */
    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, errors);
        }
    }
}
