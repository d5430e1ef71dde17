package com.edutrack.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.ibatis.cursor.Cursor;

/**
 * How one list endpoint reads its rows through a MyBatis mapper: a count, one page, and a cursor over
 * every row. Services build it with their filters and visibility rules; {@link Pagination} runs it.
 */
public record Listing<M, T>(Class<M> mapper, ToLongFunction<M> count, PageQuery<M, T> page, Function<M, Cursor<T>> all) {

    @FunctionalInterface
    public interface PageQuery<M, T> {
        List<T> fetch(M mapper, int limit, long offset);
    }
}
