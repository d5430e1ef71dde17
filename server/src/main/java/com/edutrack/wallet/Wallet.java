package com.edutrack.wallet;

import com.edutrack.api.model.LedgerEntry;
import com.edutrack.web.Listing;
import java.math.BigDecimal;
import org.springframework.stereotype.Service;

/**
 * A student's wallet: the balance on the student's row and the append-only ledger that explains it.
 * Every change of a balance locks the row first and then appends here, inside the caller's
 * transaction, so that the balance is always the sum of the ledger and the newest balance_after.
 */
@Service
public class Wallet {

    private final WalletMapper wallets;

    public Wallet(WalletMapper wallets) {
        this.wallets = wallets;
    }

    /** Locks the student's wallet until the transaction ends, serialising every change of it; the balance. */
    BigDecimal lock(long studentId) {
        BigDecimal balance = wallets.lock(studentId);
        if (balance == null) {
            throw new IllegalStateException("Student " + studentId + " has no wallet");
        }
        return balance;
    }

    /** Appends an entry (signed: debits negative) to a wallet the transaction has {@link #lock locked}. */
    LedgerEntry append(long studentId, LedgerEntry.KindEnum kind, BigDecimal amount, String reference) {
        return wallets.append(studentId, kind, amount, reference);
    }

    /** The student's ledger, newest first. */
    public Listing<WalletMapper, LedgerEntry> transactions(long studentId) {
        return new Listing<>(WalletMapper.class,
                mapper -> mapper.countEntries(studentId),
                (mapper, limit, offset) -> mapper.entries(studentId, limit, offset),
                mapper -> mapper.allEntries(studentId));
    }
}
