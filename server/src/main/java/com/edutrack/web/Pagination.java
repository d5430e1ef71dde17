package com.edutrack.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.concurrent.Semaphore;
import org.apache.ibatis.cursor.Cursor;
import org.mybatis.spring.SqlSessionTemplate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * Answers every list endpoint the DRF way (product-spec section 5) in at most two SQL statements: a
 * count and one page with absolute {@code next}/{@code previous} links, or with {@code ?all=true} a
 * count and a cursor streamed into the response. A listing with pages to keep reads only its version
 * while a kept page holds, and its version, count and page in one snapshot when none does.
 */
@Component
public class Pagination {

    /** The body of one page. */
    public record Page<T>(long count, String next, String previous, List<T> results) {
    }

    /** The body of a page kept in a {@link VersionedCache}: its rows as the JSON they were written to once. */
    public record RawPage(long count, String next, String previous, RawValue results) {
    }

    /** What is kept of a page: the count and the rows' JSON, as UTF-8 ready to copy out; the links follow each request. */
    public record KeptPage(long count, RawValue results) {

        static KeptPage of(long count, String results) {
            SerializedString json = new SerializedString(results);
            json.asUnquotedUTF8(); // encodes and keeps the bytes now, not in the first request that copies them
            return new KeptPage(count, new RawValue(json));
        }
    }

    /** The key of a kept page: the listing's own key, the page and its size. */
    private record KeptPageKey(Object listing, int page, int size) {
    }

    /** The body of {@code ?all=true}. */
    public record AllRows<T>(long count, RowStream<T> results) {
    }

    private final SqlSessionTemplate sessions;
    private final PlatformTransactionManager transactions;
    private final JsonMapper json;
    /**
     * A stream keeps its connection until the client has read the last row, however slowly it reads:
     * at most this many streams at once, so that slow readers never hold the whole pool.
     */
    private final Semaphore streams;

    public Pagination(SqlSessionTemplate sessions, PlatformTransactionManager transactions, JsonMapper json,
                      @Value("${edutrack.max-streams:0}") int maxStreams,
                      @Value("${spring.datasource.hikari.maximum-pool-size:16}") int poolSize) {
        this.sessions = sessions;
        this.transactions = transactions;
        this.json = json;
        if (maxStreams >= poolSize) {
            throw new IllegalStateException("EDUTRACK_MAX_STREAMS (" + maxStreams + ") must be below EDUTRACK_DB_POOL_SIZE ("
                    + poolSize + "), or streams could hold every database connection");
        }
        this.streams = new Semaphore(maxStreams > 0 ? maxStreams : Math.max(1, poolSize / 2));
    }

    /**
     * The response of a list endpoint. Its body is a {@link Page}, {@link RawPage} or {@link AllRows}, the shapes every
     * {@code Paginated*List} schema of the contract describes; the generated signature's type is only
     * a name for that shape, so the body is handed over under it unchecked.
     */
    @SuppressWarnings("unchecked")
    public <B, M, T> ResponseEntity<B> respond(PageRequest request, Listing<M, T> listing) {
        Object body = request.all() ? allRows(listing) : listing.kept() != null ? keptPage(request, listing) : page(request, listing);
        return (ResponseEntity<B>) ResponseEntity.ok(body);
    }

    private <M, T> Page<T> page(PageRequest request, Listing<M, T> listing) {
        M mapper = sessions.getMapper(listing.mapper());
        long count = listing.count().applyAsLong(mapper);
        request.checkWithin(count);
        List<T> rows = listing.page().fetch(mapper, request.size(), request.offset());
        return new Page<>(count, next(request, count), previous(request), rows);
    }

    /** A page as {@link #page} reads it, kept while its listing's version holds. */
    private <M, T> RawPage keptPage(PageRequest request, Listing<M, T> listing) {
        M mapper = sessions.getMapper(listing.mapper());
        Listing.Kept<M> kept = listing.kept();
        KeptPage page = kept.pages().read(new KeptPageKey(kept.key(), request.page(), request.size()),
                () -> kept.version().applyAsLong(mapper),
                () -> {
                    long count = listing.count().applyAsLong(mapper);
                    request.checkWithin(count);
                    return KeptPage.of(count, json.writeValueAsString(listing.page().fetch(mapper, request.size(), request.offset())));
                });
        return new RawPage(page.count(), next(request, page.count()), previous(request), page.results());
    }

    /**
     * Count and rows come from one read-only snapshot. The transaction stays open while the response
     * is written and ends when the stream closes, or when the request completes if writing never began.
     * Past the limit of streams at once: 503 with Retry-After, at once, before taking a connection.
     */
    private <M, T> AllRows<T> allRows(Listing<M, T> listing) {
        if (!streams.tryAcquire()) {
            throw ApiException.busy(1);
        }
        TransactionStatus transaction;
        try {
            DefaultTransactionDefinition definition = new DefaultTransactionDefinition();
            definition.setReadOnly(true);
            definition.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
            transaction = transactions.getTransaction(definition);
        } catch (RuntimeException e) {
            streams.release();
            throw e;
        }
        try {
            M mapper = sessions.getMapper(listing.mapper());
            long count = listing.count().applyAsLong(mapper);
            Cursor<T> cursor = listing.all().apply(mapper);
            RowStream<T> rows = new RowStream<>(cursor, () -> {
                try {
                    if (!transaction.isCompleted()) {
                        transactions.commit(transaction);
                    }
                } finally {
                    streams.release();
                }
            });
            RequestContextHolder.currentRequestAttributes().registerDestructionCallback(
                    RowStream.class.getName() + "@" + System.identityHashCode(rows), rows::close,
                    RequestAttributes.SCOPE_REQUEST);
            return new AllRows<>(count, rows);
        } catch (RuntimeException e) {
            try {
                transactions.rollback(transaction);
            } finally {
                streams.release();
            }
            throw e;
        }
    }

    /** The link to the next page, as DRF's paginator decides it: from the count, whatever the rows. */
    private static String next(PageRequest request, long count) {
        return request.offset() + request.size() < count ? link(request.page() + 1) : null;
    }

    private static String previous(PageRequest request) {
        return request.page() > 1 ? link(request.page() - 1) : null;
    }

    /** The absolute URL of another page of this request, keeping its other query parameters. */
    private static String link(int page) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        UriComponentsBuilder link = ServletUriComponentsBuilder.fromRequestUri(request);
        request.getParameterMap().forEach((name, values) -> {
            if (!PageRequest.PAGE.equals(name)) {
                link.queryParam(name, (Object[]) values);
            }
        });
        if (page > 1) {
            link.queryParam(PageRequest.PAGE, page);
        }
        return link.build().encode().toUriString();
    }
}
