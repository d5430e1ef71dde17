package com.edutrack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/** The wallet invariants of {@code sql/ledger-invariants.sql}, the file bench/faults.sh checks too. */
public final class Ledger {

    private static final String INVARIANTS = read("sql/ledger-invariants.sql");

    private Ledger() {
    }

    /** One line ("what broke: id") per broken invariant; empty when the ledger is sound. */
    public static List<String> broken(JdbcTemplate jdbc) {
        return jdbc.query(INVARIANTS, (row, n) -> row.getString("broken") + ": " + row.getLong("id"));
    }

    private static String read(String resource) {
        try {
            return new ClassPathResource(resource).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
