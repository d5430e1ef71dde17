package com.edutrack.auth;

/** The four roles of the product, stored and sent in lower case. */
public enum Role {
    SITEOWNER, TEACHER, ASSISTANT, STUDENT;

    public String value() {
        return name().toLowerCase();
    }

    public static Role of(String value) {
        return valueOf(value.toUpperCase());
    }
}
