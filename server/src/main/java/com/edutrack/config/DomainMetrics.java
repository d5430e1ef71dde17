package com.edutrack.config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The counters of what the service does, besides Spring's own request, pool and JVM meters; every name
 * an operator's dashboard may use is here (README, "Metrics"). Money is counted once its transaction
 * has committed, so a rolled-back buy is not one.
 */
@Component
public class DomainMetrics {

    /** How a login ended: {@code edutrack_logins_total{outcome=...}}. */
    public enum LoginOutcome {
        OK,
        /** A wrong password or an unknown email: the caller is told the same for both. */
        WRONG_PASSWORD,
        INACTIVE,
        THROTTLED;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<LoginOutcome, Counter> logins = new EnumMap<>(LoginOutcome.class);
    private final Counter refreshes;
    private final Counter reusesDetected;
    private final DistributionSummary purchases;
    private final DistributionSummary redeemedCodes;
    private final Counter databaseUnavailable;

    public DomainMetrics(MeterRegistry registry) {
        for (LoginOutcome outcome : LoginOutcome.values()) {
            logins.put(outcome, Counter.builder("edutrack.logins").tag("outcome", outcome.tag())
                    .description("Logins, by outcome").register(registry));
        }
        refreshes = Counter.builder("edutrack.token.refreshes")
                .description("Refresh tokens rotated").register(registry);
        reusesDetected = Counter.builder("edutrack.token.reuses")
                .description("Blacklisted refresh tokens presented again: their families were revoked").register(registry);
        purchases = DistributionSummary.builder("edutrack.purchases")
                .description("Courses bought from wallets (count) and what they cost (sum)").register(registry);
        redeemedCodes = DistributionSummary.builder("edutrack.recharge.redeemed")
                .description("Recharge codes redeemed (count) and the amount credited (sum)").register(registry);
        databaseUnavailable = Counter.builder("edutrack.database.unavailable")
                .description("Requests answered 503 because the database or a pooled connection was out of reach")
                .register(registry);
    }

    public void login(LoginOutcome outcome) {
        logins.get(outcome).increment();
    }

    // Counted once the transaction commits: a transaction retried after a lost lock race counts once.
    public void refreshed() {
        afterCommit(refreshes::increment);
    }

    public void reuseDetected() {
        afterCommit(reusesDetected::increment);
    }

    public void purchased(BigDecimal price) {
        afterCommit(() -> purchases.record(price.doubleValue()));
    }

    public void redeemed(BigDecimal amount) {
        afterCommit(() -> redeemedCodes.record(amount.doubleValue()));
    }

    public void databaseUnavailable() {
        databaseUnavailable.increment();
    }

    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }
}
