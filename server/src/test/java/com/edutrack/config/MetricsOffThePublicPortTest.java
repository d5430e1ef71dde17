package com.edutrack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import org.junit.jupiter.api.Test;

/**
 * Without MANAGEMENT_SERVER_PORT the actuator shares the public port for health only: metrics tell pool
 * sizes, login counts and memory, which are nobody's business on the internet.
 */
class MetricsOffThePublicPortTest extends ApiTest {

    @Test
    void thePublicPortAnswersPrometheus404InDrfShapeAndKeepsHealth() {
        ApiResponse metrics = http.get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(404);
        assertThat(metrics.json().get("detail").asString()).isEqualTo("Not found.");
        assertThat(metrics.body()).doesNotContain("jvm_", "hikaricp");
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
