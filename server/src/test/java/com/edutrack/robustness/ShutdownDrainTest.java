package com.edutrack.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiTest;
import com.edutrack.testing.Http;
import com.edutrack.testing.ServerInstance;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A stopping instance first tells the load balancer (readiness DOWN) and keeps serving while the
 * balancer takes it out, so no request is sent to a connection that is about to close.
 */
class ShutdownDrainTest extends ApiTest {

    @Test
    void aStoppingInstanceIsNotReadyButStillServesDuringTheDrain() throws Exception {
        ServerInstance instance = ServerInstance.start(databaseUrl(), List.of(), "edutrack.shutdown-drain=5s");
        Http stopping = http.at(instance.port());
        assertThat(stopping.get("/actuator/health/readiness").status()).isEqualTo(200);

        CompletableFuture<Void> closed = CompletableFuture.runAsync(instance::close);
        int readiness = 200;
        for (long started = System.nanoTime(); readiness == 200 && System.nanoTime() - started < 20_000_000_000L; ) {
            Thread.sleep(20);
            readiness = stopping.get("/actuator/health/readiness").status();
        }
        assertThat(readiness).isEqualTo(503);
        assertThat(stopping.get("/api/accounts/subjects/").status()).isEqualTo(200);
        closed.get(60, TimeUnit.SECONDS);
    }
}
