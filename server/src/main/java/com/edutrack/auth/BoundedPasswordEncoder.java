package com.edutrack.auth;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Runs at most a given number of password hashes at once, first come first served. Argon2id is built
 * to cost memory and CPU: 64 logins hashed together would hold 64 × 19 MiB and share the cores 64
 * ways, so each would finish as late as the last; queued, each waits only for those ahead of it.
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder hashes;
    private final Semaphore slots;

    BoundedPasswordEncoder(PasswordEncoder hashes, int concurrentHashes) {
        this.hashes = hashes;
        this.slots = new Semaphore(concurrentHashes, true);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return bounded(() -> hashes.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return bounded(() -> hashes.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return hashes.upgradeEncoding(encodedPassword);
    }

    private <T> T bounded(Supplier<T> hash) {
        slots.acquireUninterruptibly();
        try {
            return hash.get();
        } finally {
            slots.release();
        }
    }
}
