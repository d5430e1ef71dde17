package com.edutrack.wallet;

import com.edutrack.api.model.LedgerEntry;
import java.math.BigDecimal;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.cursor.Cursor;

@Mapper
public interface WalletMapper {

    /** Locks the student's wallet row until the transaction ends; its balance, or null for no such student. */
    BigDecimal lock(@Param("studentId") long studentId);

    /** Appends a ledger entry and moves the wallet balance to its balance_after. */
    LedgerEntry append(@Param("studentId") long studentId, @Param("kind") LedgerEntry.KindEnum kind,
                       @Param("amount") BigDecimal amount, @Param("reference") String reference);

    long countEntries(@Param("studentId") long studentId);

    List<LedgerEntry> entries(@Param("studentId") long studentId, @Param("limit") int limit, @Param("offset") long offset);

    Cursor<LedgerEntry> allEntries(@Param("studentId") long studentId);
}
