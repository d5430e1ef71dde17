package com.edutrack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Http;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * EDUTRACK_LOG_FORMAT=json, set in the environment of a server process of its own (the logging system
 * is one per JVM, so not the test's): every line it prints is a JSON object, and the line of a request
 * names its request id.
 */
class JsonLogsTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void jsonLogsAreJsonLinesWithTheRequestId() throws Exception {
        int serverPort;
        try (ServerSocket free = new ServerSocket(0)) {
            serverPort = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "com.edutrack.EduTrackApplication")
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> env = builder.environment();
        env.put("EDUTRACK_LOG_FORMAT", "json");
        env.put("PORT", Integer.toString(serverPort));
        env.put("SPRING_DATASOURCE_URL", databaseUrl());
        env.put("SPRING_DATASOURCE_USERNAME", "postgres");
        env.put("JWT_SIGNING_KEY", "json-logs-test-signing-key-0123456789abcdef");
        Process server = builder.start();
        List<String> lines = new ArrayList<>();
        CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        try {
            Http other = new Http(serverPort);
            long started = System.nanoTime();
            ApiResponse answer = null;
            while (answer == null && server.isAlive() && System.nanoTime() - started < 120_000_000_000L) {
                try {
                    answer = other.with("X-Request-ID", "json-log-check-77").get("/api/accounts/subjects/");
                } catch (java.io.UncheckedIOException notYet) {
                    Thread.sleep(250);
                }
            }
            assertThat(answer).as("the server started").isNotNull();
            assertThat(answer.status()).isEqualTo(200);
            JsonNode requestLine = null;
            while (requestLine == null && System.nanoTime() - started < 130_000_000_000L) {
                synchronized (lines) {
                    requestLine = lines.stream().filter(line -> line.contains("json-log-check-77")).findFirst()
                            .map(JSON::readTree).orElse(null);
                }
                Thread.sleep(50);
            }
            assertThat(requestLine).as("a log line with the request id").isNotNull();
            assertThat(requestLine.get("request_id").asString()).isEqualTo("json-log-check-77");
            assertThat(requestLine.get("message").asString()).startsWith("GET /api/accounts/subjects/ 200 ");
            assertThat(requestLine.get("log").get("logger").asString()).isEqualTo("edutrack.requests");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            reading.get(30, TimeUnit.SECONDS);
        }
        assertThat(lines).hasSizeGreaterThan(5).allSatisfy(line -> assertThat(JSON.readTree(line).isObject()).as(line).isTrue());
    }
}
