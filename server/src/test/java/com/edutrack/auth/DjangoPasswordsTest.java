package com.edutrack.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Fixtures;
import com.edutrack.testing.Fixtures.Account;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Users copied from the Django backend log in with the passwords they had there, and their first
 * successful login replaces Django's hash with this server's Argon2id.
 *
 * <p>The hashes below were made once by Django's own make_password (Django 5.2.17, argon2-cffi 25.1.0,
 * bcrypt 5.0.0), with this command:
 * <pre>
 * python3 -m venv /tmp/djv &amp;&amp; /tmp/djv/bin/pip install django argon2-cffi bcrypt
 * /tmp/djv/bin/python -c '
 * from django.conf import settings
 * settings.configure(PASSWORD_HASHERS=["django.contrib.auth.hashers.PBKDF2PasswordHasher",
 *     "django.contrib.auth.hashers.Argon2PasswordHasher", "django.contrib.auth.hashers.BCryptSHA256PasswordHasher"])
 * from django.contrib.auth.hashers import make_password
 * for hasher in ("pbkdf2_sha256", "argon2", "bcrypt_sha256"):
 *     print(hasher, make_password("Correct-horse-42", hasher=hasher))
 * print("pbkdf2_sha256 non-ascii", make_password("Pässwörd-Ω-2026", hasher="pbkdf2_sha256"))'
 * </pre>
 */
class DjangoPasswordsTest extends ApiTest {

    /** Django's default hasher, at its default 1,000,000 iterations, of {@link Fixtures#PASSWORD}. */
    static final String PBKDF2 = "pbkdf2_sha256$1000000$totCoNhiaRUctDU6hN04a5$s6NCVuvU9dO46kGXTJ3ub95393vuScZWAteqtygWQkU=";
    static final String ARGON2 =
            "argon2$argon2id$v=19$m=102400,t=2,p=8$aWFDUERzcDE3SUhnYkg2R2xhNHBZdw$uQ7bnDUFoCLk5iuWSiXwfLFnbl8cLrD3ec1xeX4lybY";
    static final String BCRYPT_SHA256 = "bcrypt_sha256$$2b$12$9/bDsFQg7K1/V/Sn8Fl6i.YO8ytkSK7xN4XMQPVH4ASD2aAbcL5h6";
    static final String NON_ASCII_PASSWORD = "Pässwörd-Ω-2026";
    static final String PBKDF2_NON_ASCII =
            "pbkdf2_sha256$1000000$pbvby1tydjnFeiMSyqTHAs$GeKTjdu1SnYEZ9oIdt0oNY/O6M5juDkdjKbvw1efk6o=";
    /** This server's own hashes: Argon2id at OWASP's parameters. */
    private static final String OURS = "$argon2id$v=19$m=19456,t=2,p=1$";

    /** A student as the migration copies them: the row's password is the Django hash. */
    private Account migrated(String djangoHash) {
        Account student = given.student("Migrated", "0.00");
        jdbc.update("UPDATE users SET password_hash = ? WHERE id = ?", djangoHash, student.id());
        return student;
    }

    private String storedHash(Account account) {
        return jdbc.queryForObject("SELECT password_hash FROM users WHERE id = ?", String.class, account.id());
    }

    private ApiResponse login(Account account, String password) {
        return http.post("/api/accounts/login/",
                "{\"email\": \"" + account.email() + "\", \"password\": \"" + password + "\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {PBKDF2, ARGON2, BCRYPT_SHA256})
    void aDjangoHashLogsInWithTheSamePasswordAndBecomesArgon2id(String djangoHash) {
        Account student = migrated(djangoHash);

        ApiResponse first = login(student, Fixtures.PASSWORD);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("user").get("id").asLong()).isEqualTo(student.id());
        String replaced = storedHash(student);
        assertThat(replaced).startsWith(OURS);

        // From now on the Argon2id hash is the password: the same one still logs in, and stays.
        assertThat(login(student, Fixtures.PASSWORD).status()).isEqualTo(200);
        assertThat(storedHash(student)).isEqualTo(replaced);
    }

    @Test
    void aNonAsciiPasswordMatchesDjangosUtf8Bytes() {
        Account student = migrated(PBKDF2_NON_ASCII);
        assertThat(login(student, NON_ASCII_PASSWORD).status()).isEqualTo(200);
        assertThat(storedHash(student)).startsWith(OURS);
    }

    @ParameterizedTest
    @ValueSource(strings = {PBKDF2, ARGON2, BCRYPT_SHA256})
    void aWrongPasswordIsRefusedAndKeepsTheDjangoHash(String djangoHash) {
        Account student = migrated(djangoHash);
        ApiResponse refused = login(student, "Correct-horse-43");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("detail").asString()).isEqualTo(LoginService.BAD_CREDENTIALS);
        assertThat(storedHash(student)).isEqualTo(djangoHash);
    }

    @Test
    void hashesOfNoKnownFormatNeverMatch() {
        // Django's set_unusable_password(), a truncated hash, and a hash with its prefix cut off.
        for (String stored : new String[] {"!Xq3v8ZkR2mNpL5sT7wYb9cDfGhJ4kM6nPqRsTvWx", "pbkdf2_sha256$1000000$totCoNhiaRUctDU6hN04a5",
                PBKDF2.substring("pbkdf2_sha256$".length()), "argon2$" + BCRYPT_SHA256}) {
            Account student = migrated(stored);
            assertThat(login(student, Fixtures.PASSWORD).status()).as(stored).isEqualTo(401);
            assertThat(storedHash(student)).isEqualTo(stored);
        }
    }

    @Test
    void theLoginThrottleCountsFailuresAgainstDjangoHashesToo() {
        Account student = migrated(BCRYPT_SHA256);
        for (int i = 0; i < LoginThrottle.PER_EMAIL; i++) {
            assertThat(login(student, "Correct-horse-43").status()).isEqualTo(401);
        }
        ApiResponse throttled = login(student, Fixtures.PASSWORD);
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isPresent();
        // Throttled before the password was checked: nothing learnt, nothing replaced.
        assertThat(storedHash(student)).isEqualTo(BCRYPT_SHA256);
    }
}
