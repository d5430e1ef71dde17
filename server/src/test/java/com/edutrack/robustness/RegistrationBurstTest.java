package com.edutrack.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Http;
import com.edutrack.testing.ServerInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A burst of registrations, each from another client (so no per-address throttle stops it), must not
 * park every request thread in the queue for a password hash: the course list is still answered while
 * the burst is on, within the client's ordinary 30 s timeout. The server runs small so that the burst
 * outnumbers its threads: 16 request threads, one hash at a time.
 */
class RegistrationBurstTest extends ApiTest {

    private static final int BURST = 600;

    @Test
    void theCourseListIsAnsweredDuringARegistrationBurst() throws Exception {
        try (ServerInstance server = ServerInstance.start(databaseUrl(), List.of(),
                "edutrack.trusted-proxies=127.0.0.1, ::1", "edutrack.password-hashing.slots=1",
                "edutrack.password-hashing.queue=4", "server.tomcat.threads.max=16")) {
            Http client = http.at(server.port());
            Http student = given.as(given.student("Sara", "0.00")).at(server.port());
            ExecutorService senders = Executors.newFixedThreadPool(BURST);
            try {
                CountDownLatch sending = new CountDownLatch(BURST);
                List<Future<ApiResponse>> registrations = new ArrayList<>();
                for (int i = 0; i < BURST; i++) {
                    int n = i;
                    registrations.add(senders.submit(() -> {
                        sending.countDown();
                        return client.with("x-forwarded-for", "198.18." + (n / 250) + "." + (n % 250 + 1))
                                .post("/api/accounts/student/register/", "{\"email\": \"burst" + n + "@edutrack.test\", "
                                        + "\"password\": \"Burst-pass-2026\", \"first_name\": \"Burst\", "
                                        + "\"last_name\": \"Student\", \"phone\": \"+201000000000\"}");
                    }));
                }
                sending.await();
                Thread.sleep(1000); // let the burst reach the server before the read joins the queue

                long started = System.nanoTime();
                ApiResponse courses = student.get("/api/courses/");
                long courseListMs = (System.nanoTime() - started) / 1_000_000;
                assertThat(courses.status()).isEqualTo(200);

                Map<Integer, Integer> statuses = new TreeMap<>();
                for (Future<ApiResponse> registration : registrations) {
                    statuses.merge(registration.get().status(), 1, Integer::sum);
                }
                System.out.println("registration burst: " + BURST + " registrations, answers by status " + statuses
                        + "; GET /api/courses/ answered in " + courseListMs + " ms during the burst");
                assertThat(statuses.keySet()).containsOnly(201, 503);
                assertThat(statuses.get(503)).as("registrations refused rather than queued").isPositive();
            } finally {
                senders.shutdownNow();
            }
        }
    }
}
