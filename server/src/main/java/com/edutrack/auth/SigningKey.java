package com.edutrack.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import io.jsonwebtoken.security.Keys;
import org.springframework.util.StringUtils;

/**
 * The HS256 key tokens are signed with: {@code JWT_SIGNING_KEY} (at least 256 bits, shared by every
 * instance), or in the default mode a key generated once and kept in the data folder.
 */
final class SigningKey {

    static final int MIN_BYTES = 32;
    private static final String FILE = "jwt-signing.key";

    private SigningKey() {
    }

    static SecretKey of(String configured, Path dataDir) {
        byte[] bytes = StringUtils.hasText(configured)
                ? configured.getBytes(StandardCharsets.UTF_8)
                : generatedOnce(dataDir.resolve(FILE));
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException("JWT_SIGNING_KEY must be at least " + MIN_BYTES + " bytes (256 bits)");
        }
        return Keys.hmacShaKeyFor(bytes);
    }

    private static synchronized byte[] generatedOnce(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[64];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.getParent());
                Path temporary = Files.createTempFile(file.getParent(), FILE, ".tmp");
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(temporary, Base64.getEncoder().encodeToString(key));
                Files.move(temporary, file);
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the signing key " + file, e);
        }
    }
}
