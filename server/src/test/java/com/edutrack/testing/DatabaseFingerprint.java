package com.edutrack.testing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One hash of every row of every table, taken in one cheap query: equal before and after a refused
 * request means the request changed nothing.
 */
public final class DatabaseFingerprint {

    /** Rows a refused request writes on purpose: failed logins and registrations are counted to throttle the next ones. */
    private static final Set<String> WRITTEN_BY_REFUSALS = Set.of("login_failures", "registration_attempts",
            "flyway_schema_history");

    private final JdbcTemplate jdbc;
    private final String query;

    public DatabaseFingerprint(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        List<String> tables = jdbc.queryForList("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name""", String.class);
        // Table names come from the catalogue, not from input; each table hashes its rows in a fixed order.
        this.query = "SELECT concat_ws(' ', " + tables.stream()
                .filter(table -> !WRITTEN_BY_REFUSALS.contains(table))
                .map(table -> "'" + table + ":' || (SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) FROM "
                        + table + " t)")
                .collect(Collectors.joining(", ")) + ")";
    }

    public String take() {
        return jdbc.queryForObject(query, String.class);
    }
}
