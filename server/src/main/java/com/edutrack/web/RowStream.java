package com.edutrack.web;

import java.io.IOException;
import java.util.Iterator;
import org.apache.ibatis.cursor.Cursor;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Rows read from an open database cursor while the response is written, so that {@code ?all=true}
 * holds one fetch of rows in memory, whatever the row count. Closing it ends the read transaction.
 */
@JsonSerialize(using = RowStream.Writer.class)
public final class RowStream<T> implements Iterable<T>, AutoCloseable {

    private final Cursor<T> cursor;
    private final Runnable onClose;
    private boolean closed;

    RowStream(Cursor<T> cursor, Runnable onClose) {
        this.cursor = cursor;
        this.onClose = onClose;
    }

    @Override
    public Iterator<T> iterator() {
        return cursor.iterator();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            cursor.close();
        } catch (IOException ignored) {
            // The transaction is ended below either way.
        } finally {
            onClose.run();
        }
    }

    /** Writes the rows as a JSON array, and closes the stream however the writing ends. */
    static final class Writer extends StdSerializer<RowStream<?>> {

        Writer() {
            super(RowStream.class);
        }

        @Override
        public void serialize(RowStream<?> rows, JsonGenerator generator, SerializationContext context) {
            try (rows) {
                generator.writeStartArray();
                for (Object row : rows) {
                    context.writeValue(generator, row);
                }
                generator.writeEndArray();
            }
        }
    }
}
