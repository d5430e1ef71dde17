package com.edutrack.auth;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired refresh-token families and blacklist entries, and failed logins older than the
 * throttling window, in batches of {@value #BATCH} rows so no lock is held for long. Every instance
 * may run it; {@code SKIP LOCKED} keeps them out of each other's way.
 */
@Component
public class ExpiredRowsCleanup {

    private static final Logger log = LoggerFactory.getLogger(ExpiredRowsCleanup.class);
    static final int BATCH = 1000;

    private final AuthMapper rows;
    private final Clock clock;

    public ExpiredRowsCleanup(AuthMapper rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${edutrack.cleanup.interval:PT10M}")
    public void run() {
        try {
            int deleted = drain(() -> rows.deleteExpiredBlacklist(BATCH))
                    + drain(() -> rows.deleteExpiredFamilies(BATCH))
                    + drain(() -> rows.deleteOldFailures(clock.instant().minus(LoginThrottle.WINDOW), BATCH));
            if (deleted > 0) {
                log.info("Deleted {} expired token and login-failure rows", deleted);
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
