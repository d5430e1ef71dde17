package com.edutrack.accounts;

import java.util.Arrays;
import java.util.List;

/**
 * A {@code ?search=} value as DRF's SearchFilter reads it: whitespace-separated terms, each of which
 * must match one of the searched fields as a case-insensitive substring. The terms become ILIKE
 * patterns with the user's {@code %}, {@code _} and {@code \} escaped, so they match only themselves.
 */
final class SearchTerms {

    /** More terms than this only slow the query down; DRF users never type so many. */
    private static final int MAX_TERMS = 10;

    private SearchTerms() {
    }

    static List<String> patterns(String search) {
        // PostgreSQL text cannot hold NUL; DRF drops it from search terms too.
        String text = search == null ? "" : search.replace("\u0000", "").strip();
        if (text.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(text.split("\\s+"))
                .limit(MAX_TERMS)
                .map(term -> "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
                .toList();
    }
}
