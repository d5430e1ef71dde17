package com.edutrack.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Http;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A {@code ?all=true} list holds a database connection while the client reads it. Clients that read
 * slowly, or not at all, must not take the whole pool from everyone else.
 */
class SlowReaderTest extends ApiTest {

    /** More than the pool's 16 connections (EDUTRACK_DB_POOL_SIZE's default). */
    private static final int SLOW_READERS = 24;
    private static final String ALL_SUBJECTS = "/api/accounts/subjects/?all=true";

    @Test
    void slowAllTrueReadersLeaveTheRestOfTheApiServed() throws Exception {
        // About 14 MB of JSON: far more than the sockets buffer, so the server blocks writing each stream.
        jdbc.update("INSERT INTO subjects (name, description) "
                + "SELECT 'Subject ' || n, repeat('A subject with a long description. ', 6) FROM generate_series(1, 60000) n");
        Http student = given.as(given.student("Sara", "0.00"));
        List<Socket> readers = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_READERS; i++) {
                readers.add(request(ALL_SUBJECTS));
            }
            Map<Integer, Integer> answers = new TreeMap<>();
            for (Socket reader : readers) {
                answers.merge(status(reader), 1, Integer::sum); // the status line, then the reader stops reading
            }
            assertThat(answers.keySet()).as("answers: " + answers).containsExactly(200, 503);
            assertThat(answers.get(200)).as("streams at once").isLessThan(16);

            // While they stall: the rest of the API answers, and one more stream is refused at once.
            assertThat(student.get("/api/courses/").status()).isEqualTo(200);
            ApiResponse refused = http.get(ALL_SUBJECTS);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("detail").asString()).isEqualTo("Service temporarily unavailable.");
            assertThat(refused.header("Retry-After")).isPresent();
        } finally {
            for (Socket reader : readers) {
                reader.close();
            }
        }
        // Hung-up readers give their streams back, each as soon as its server write fails.
        ApiResponse later = student.get("/api/courses/?all=true");
        for (int attempt = 0; later.status() == 503 && attempt < 300; attempt++) {
            Thread.sleep(100);
            later = student.get("/api/courses/?all=true");
        }
        assertThat(later.status()).isEqualTo(200);
    }

    /** Sends a GET on a raw socket that buffers almost nothing of the answer. */
    private Socket request(String pathAndQuery) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("localhost", port), 5000);
        socket.setSoTimeout(30_000);
        socket.getOutputStream().write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Accept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** Reads the status line only. */
    private static int status(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != -1 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return Integer.parseInt(line.toString(StandardCharsets.US_ASCII).split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
