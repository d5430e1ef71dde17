package com.edutrack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.edutrack.testing.ApiResponse;
import com.edutrack.testing.ApiTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The contract is served as it is, Swagger UI shows it, and health reports the database. */
class ContractRoutesTest extends ApiTest {

    @Test
    void schemaIsTheContractFileItself() throws Exception {
        ApiResponse response = http.get("/api/schema/");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/yaml");
        assertThat(response.body()).isEqualTo(Files.readString(Path.of("..", "openapi", "edutrack.yaml")));
    }

    @Test
    void docsShowSwaggerUiPointedAtTheContract() {
        ApiResponse docs = http.get("/api/docs/");
        assertThat(docs.status()).isEqualTo(302);
        String ui = docs.header("Location").orElseThrow();
        assertThat(http.get(ui).status()).isEqualTo(200);
        ApiResponse config = http.get("/v3/api-docs/swagger-config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("url").asString()).isEqualTo("/api/schema/");
    }

    @Test
    void springdocsOwnRenderingIsNotServed() {
        assertThat(http.get("/v3/api-docs").status()).isIn(401, 403, 404);
    }

    @Test
    void healthIsUpWithTheDatabaseInReadiness() {
        ApiResponse health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        ApiResponse readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
    }
}
