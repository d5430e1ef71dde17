package com.edutrack.web;

import org.springframework.http.HttpStatus;

/**
 * The pagination parameters of a list request (product-spec section 5): {@code page} from 1,
 * {@code page_size} defaulting to 50 and capped at 200, or every row with {@code all=true}.
 */
public record PageRequest(int page, int size, boolean all) {

    public static final String PAGE = "page";
    public static final String PAGE_SIZE = "page_size";
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;

    /** From the generated controller parameters; a missing or unusable page size falls back to 50. */
    public static PageRequest of(Integer page, Integer pageSize, Boolean all) {
        if (page != null && page < 1) {
            throw invalidPage();
        }
        int size = pageSize == null || pageSize < 1 ? DEFAULT_SIZE : Math.min(pageSize, MAX_SIZE);
        return new PageRequest(page == null ? 1 : page, size, Boolean.TRUE.equals(all));
    }

    public long offset() {
        return (long) (page - 1) * size;
    }

    /** DRF keeps page 1 valid on an empty list; any other page past the end is invalid. */
    void checkWithin(long count) {
        if (page > 1 && offset() >= count) {
            throw invalidPage();
        }
    }

    static ApiException invalidPage() {
        return new ApiException(HttpStatus.NOT_FOUND, ErrorBodies.detail(ErrorBodies.INVALID_PAGE));
    }
}
