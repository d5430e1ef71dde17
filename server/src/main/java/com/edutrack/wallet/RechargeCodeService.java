package com.edutrack.wallet;

import com.edutrack.api.model.LedgerEntry;
import com.edutrack.api.model.RechargeCode;
import com.edutrack.api.model.RechargeCodeBatch;
import com.edutrack.api.model.RechargeCodeCreate;
import com.edutrack.api.model.RedeemResult;
import com.edutrack.config.DomainMetrics;
import com.edutrack.config.RetryingTransactions;
import com.edutrack.web.ApiException;
import com.edutrack.web.Listing;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class RechargeCodeService {

    /** No 0/O or 1/I, so a code read aloud or typed from paper comes out right. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** 16 characters of 32: 80 random bits, far beyond guessing. */
    private static final int CODE_LENGTH = 16;
    static final String INVALID_CODE = "Invalid or already used code.";

    private final RechargeCodeMapper codes;
    private final Wallet wallet;
    private final RetryingTransactions transactions;
    private final Clock clock;
    private final DomainMetrics metrics;
    private final SecureRandom random = new SecureRandom();

    public RechargeCodeService(RechargeCodeMapper codes, Wallet wallet, RetryingTransactions transactions, Clock clock,
                               DomainMetrics metrics) {
        this.codes = codes;
        this.wallet = wallet;
        this.transactions = transactions;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** The amount and count were checked as the contract says; the expiry, which needs the clock, is checked here. */
    @Transactional
    public RechargeCodeBatch create(RechargeCodeCreate input, long siteOwnerId) {
        BigDecimal amount = input.getAmount();
        OffsetDateTime expiresAt = input.getExpiresAt();
        if (expiresAt != null && !expiresAt.toInstant().isAfter(clock.instant())) {
            throw ApiException.field("expires_at", "Ensure this value is in the future.");
        }
        List<RechargeCode> created = new ArrayList<>();
        while (created.size() < input.getCount()) {
            // Codes that collide with existing ones are skipped by the insert and drawn again.
            created.addAll(codes.insert(newCodes(input.getCount() - created.size()), amount, expiresAt, siteOwnerId));
        }
        return new RechargeCodeBatch(created.size(), created);
    }

    public Listing<RechargeCodeMapper, RechargeCode> list() {
        return new Listing<>(RechargeCodeMapper.class, RechargeCodeMapper::count, RechargeCodeMapper::page,
                RechargeCodeMapper::all);
    }

    /**
     * Locks the wallet, claims the code, then credits the wallet; a code that cannot be claimed changes
     * nothing. The wallet comes first like in every change of it: the claim's foreign key takes a
     * key-share lock on the student's row, and taken before the wallet lock, two redeems of one
     * student would each hold one and wait for the other.
     */
    public RedeemResult redeem(String code, long studentId) {
        String normalized = code.toUpperCase(Locale.ROOT);
        return transactions.run(() -> {
            wallet.lock(studentId);
            BigDecimal amount = codes.claim(normalized, studentId);
            if (amount == null) {
                throw ApiException.field("code", INVALID_CODE);
            }
            LedgerEntry entry = wallet.append(studentId, LedgerEntry.KindEnum.RECHARGE, amount, "code:" + normalized);
            metrics.redeemed(amount);
            return new RedeemResult(entry.getBalanceAfter(), entry);
        });
    }

    private Set<String> newCodes(int count) {
        Set<String> drawn = new LinkedHashSet<>();
        while (drawn.size() < count) {
            StringBuilder code = new StringBuilder(CODE_LENGTH);
            for (int i = 0; i < CODE_LENGTH; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            drawn.add(code.toString());
        }
        return drawn;
    }
}
