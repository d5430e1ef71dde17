package com.edutrack.accounts;

/** The user inputs every account creation takes: student registration, teacher and assistant create. */
public record AccountInput(String email, String password, String firstName, String lastName, String phone) {
}
