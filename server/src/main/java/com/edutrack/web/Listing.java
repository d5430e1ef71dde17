package com.edutrack.web;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.ibatis.cursor.Cursor;

/**
 * How one list endpoint reads its rows through a MyBatis mapper: a count, one page, and a cursor over
 * every row; and, for a list whose pages may be kept, where and while what version. Services build it
 * with their filters and visibility rules; {@link Pagination} runs it.
 */
public record Listing<M, T>(Class<M> mapper, ToLongFunction<M> count, PageQuery<M, T> page, Function<M, Cursor<T>> all,
                            Kept<M> kept) {

    public Listing(Class<M> mapper, ToLongFunction<M> count, PageQuery<M, T> page, Function<M, Cursor<T>> all) {
        this(mapper, count, page, all, null);
    }

    @FunctionalInterface
    public interface PageQuery<M, T> {
        List<T> fetch(M mapper, int limit, long offset);
    }

    /** Pages of this list, kept in {@code pages} under {@code key} (with the page and its size) while {@code version} reads the same. */
    public record Kept<M>(VersionedCache<Object, Pagination.KeptPage> pages, Object key, ToLongFunction<M> version) {
    }

    /** This listing, its pages kept as {@link Kept} says. */
    public Listing<M, T> keptIn(VersionedCache<Object, Pagination.KeptPage> pages, Object key, ToLongFunction<M> version) {
        return new Listing<>(mapper, count, page, all, new Kept<>(pages, key, version));
    }
}
