package com.edutrack.auth;

import com.edutrack.accounts.RegistrationMapper;
import com.edutrack.accounts.RegistrationThrottle;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired refresh-token families and blacklist entries, and failed logins and registration
 * attempts older than their throttling window, in batches of {@value #BATCH} rows so no lock is held for long. Every instance
 * may run it; {@code SKIP LOCKED} keeps them out of each other's way.
 */
@Component
public class ExpiredRowsCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredRowsCleanup.class);
    static final int BATCH = 1000;

    private final AuthMapper rows;
    private final RegistrationMapper registrations;
    private final Clock clock;

    public ExpiredRowsCleanup(AuthMapper rows, RegistrationMapper registrations, Clock clock) {
        this.rows = rows;
        this.registrations = registrations;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${edutrack.cleanup.interval:PT10M}")
    public void run() {
        try {
            int deleted = drain(() -> rows.deleteExpiredBlacklist(BATCH))
                    + drain(() -> rows.deleteExpiredFamilies(BATCH))
                    + drain(() -> rows.deleteOldFailures(clock.instant().minus(LoginThrottle.WINDOW), BATCH))
                    + drain(() -> registrations.deleteOldAttempts(clock.instant().minus(RegistrationThrottle.WINDOW), BATCH));
            if (deleted > 0) {
                log.info("Deleted {} expired token, login-failure and registration-attempt rows", deleted);
            }
        } catch (RuntimeException e) {
            log.warn("Clean-up of expired rows failed; it runs again later: {}", e.toString());
        }
    }

    private static int drain(java.util.function.IntSupplier batch) {
        int total = 0;
        int deleted;
        do {
            deleted = batch.getAsInt();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
