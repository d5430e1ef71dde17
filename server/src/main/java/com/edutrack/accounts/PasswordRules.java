package com.edutrack.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Django's default password validators, in Django's order and with its messages: a password is
 * checked against all of them and every failure is reported.
 */
@Component
public class PasswordRules {

    static final int MIN_LENGTH = 8;
    /** Shorter email local parts ("al@...") would reject too many honest passwords. */
    private static final int MIN_SIMILAR_PART = 3;
    private static final String COMMON_PASSWORDS = "/accounts/common-passwords.txt";

    private final Set<String> common;

    public PasswordRules() {
        this.common = load();
    }

    /** Django's messages for every rule the password breaks; empty when it is acceptable. */
    public List<String> problems(String password, String email) {
        List<String> problems = new ArrayList<>();
        if (similarToEmail(password, email)) {
            problems.add("The password is too similar to the email.");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            problems.add("This password is too short. It must contain at least " + MIN_LENGTH + " characters.");
        }
        if (common.contains(password.strip().toLowerCase(Locale.ROOT))) {
            problems.add("This password is too common.");
        }
        if (!password.isEmpty() && password.codePoints().allMatch(Character::isDigit)) {
            problems.add("This password is entirely numeric.");
        }
        return problems;
    }

    /** A simple UserAttributeSimilarityValidator: the password contains the email's local part. */
    private static boolean similarToEmail(String password, String email) {
        if (email == null || email.indexOf('@') < 0) {
            return false;
        }
        String localPart = email.substring(0, email.lastIndexOf('@')).strip().toLowerCase(Locale.ROOT);
        return localPart.length() >= MIN_SIMILAR_PART && password.toLowerCase(Locale.ROOT).contains(localPart);
    }

    private static Set<String> load() {
        try (InputStream in = PasswordRules.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the classpath");
            }
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return lines.lines().map(String::strip).filter(line -> !line.isEmpty())
                        .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
