package com.edutrack.auth;

/** The authenticated caller of a request. */
public record CurrentUser(long id, Role role) {
}
