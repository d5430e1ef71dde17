package com.edutrack.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCrypt;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one place that knows how stored passwords look. New hashes are this server's Argon2id
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$...}); users copied from the Django backend keep Django's
 * until their next successful login replaces it ({@link #upgradeEncoding}):
 * <ul>
 * <li>{@code pbkdf2_sha256$<iterations>$<salt>$<base64 hash>}: Django's default, PBKDF2-HMAC-SHA256
 * of the UTF-8 password with the salt's characters as bytes, 32 bytes;</li>
 * <li>{@code argon2$argon2id$v=19$m=...,t=...,p=...$<salt>$<hash>}: Django's Argon2PasswordHasher,
 * "argon2" before the standard encoding (argon2i and argon2d too);</li>
 * <li>{@code bcrypt_sha256$$2b$<cost>$...}: Django's BCryptSHA256PasswordHasher, bcrypt of the
 * password's SHA-256 in lowercase hex.</li>
 * </ul>
 * Anything else (Django's unusable passwords, {@code !...}) never matches.
 *
 * <p>A wrong password costs the same whichever kind the account has, so timing tells no one which
 * users still have a Django hash (those that have not logged in since the move), nor whether an
 * email exists: a refusal pays for the stored hash's own check plus one check of the other kind, an
 * Argon2id check after a Django one, a PBKDF2 check of Django's default iterations after an Argon2id
 * one. Set those iterations to what the Django installation wrote (the second field of its hashes),
 * or to 0 once no Django hash is left.
 */
final class PasswordHashes implements PasswordEncoder {

    private static final String PBKDF2 = "pbkdf2_sha256$";
    private static final String ARGON2 = "argon2$";
    private static final String BCRYPT_SHA256 = "bcrypt_sha256$";
    /** Our own hashes: Spring's Argon2 encoding. */
    private static final String OURS = "$argon2";
    /** A row cannot ask for more than this: a corrupt or hostile value must not pin a core for minutes. */
    private static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    private final Argon2PasswordEncoder argon2;
    private final String argon2Decoy;
    private final int djangoIterations;
    private final byte[] decoySalt = UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8);

    /**
     * @param djangoIterations the PBKDF2 iterations of the Django hashes still stored, paid on a wrong
     *                         password against an Argon2id hash; 0 for none
     */
    PasswordHashes(Argon2PasswordEncoder argon2, int djangoIterations) {
        this.argon2 = argon2;
        this.argon2Decoy = argon2.encode(UUID.randomUUID().toString());
        this.djangoIterations = Math.min(djangoIterations, MAX_PBKDF2_ITERATIONS);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return argon2.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (rawPassword == null || encodedPassword == null) {
            return false;
        }
        String raw = rawPassword.toString();
        if (encodedPassword.startsWith(OURS)) {
            boolean matches = argon2.matches(raw, encodedPassword);
            if (!matches && djangoIterations > 0 && !raw.isEmpty()) {
                pbkdf2(raw, decoySalt, djangoIterations); // the price of a Django hash
            }
            return matches;
        }
        boolean matches = matchesDjango(raw, encodedPassword);
        if (!matches) {
            argon2.matches(raw, argon2Decoy); // the price of an Argon2id hash
        }
        return matches;
    }

    /** Every Django hash, and our own hashes of weaker parameters, are replaced on the next login. */
    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return encodedPassword == null || !encodedPassword.startsWith(OURS) || argon2.upgradeEncoding(encodedPassword);
    }

    private boolean matchesDjango(String raw, String encoded) {
        if (encoded.startsWith(PBKDF2)) {
            String[] parts = encoded.split("\\$", -1);
            if (parts.length != 4 || !parts[1].matches("[1-9]\\d{0,7}") || Integer.parseInt(parts[1]) > MAX_PBKDF2_ITERATIONS
                    || parts[2].isEmpty() || raw.isEmpty()) {
                return false;
            }
            byte[] expected;
            try {
                expected = Base64.getDecoder().decode(parts[3]);
            } catch (IllegalArgumentException e) {
                return false;
            }
            byte[] actual = pbkdf2(raw, parts[2].getBytes(StandardCharsets.UTF_8), Integer.parseInt(parts[1]));
            return MessageDigest.isEqual(expected, actual);
        }
        if (encoded.startsWith(ARGON2 + "argon2")) {
            // The parameters come from the hash itself.
            return argon2.matches(raw, encoded.substring(ARGON2.length() - 1));
        }
        if (encoded.startsWith(BCRYPT_SHA256 + "$2")) {
            String sha256 = HexFormat.of().formatHex(sha256(raw));
            try {
                return BCrypt.checkpw(sha256, encoded.substring(BCRYPT_SHA256.length()));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return false;
    }

    /** PBKDF2-HMAC-SHA256, 32 bytes, of the password's UTF-8 bytes (as Django's {@code force_bytes}). */
    private static byte[] pbkdf2(String raw, byte[] salt, int iterations) {
        try {
            // The JDK's PBKDF2 encodes the characters as UTF-8.
            PBEKeySpec spec = new PBEKeySpec(raw.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String raw) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
