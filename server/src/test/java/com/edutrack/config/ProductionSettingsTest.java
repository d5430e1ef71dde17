package com.edutrack.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.edutrack.EduTrackApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** The prod profile refuses to start without its settings, and names the missing ones. */
class ProductionSettingsTest {

    private static SpringApplicationBuilder prod(String... properties) {
        return new SpringApplicationBuilder(EduTrackApplication.class)
                .profiles("prod")
                .properties("server.port=0")
                .properties(properties);
    }

    @Test
    void refusesToStartWithoutAnyOfItsSettings() {
        assertThatThrownBy(() -> prod().run().close())
                .hasStackTraceContaining("The prod profile needs CSRF_TRUSTED_ORIGINS, JWT_SIGNING_KEY, SPRING_DATASOURCE_URL");
    }

    @Test
    void namesOnlyWhatIsMissing() {
        assertThatThrownBy(() -> prod("JWT_SIGNING_KEY=0123456789abcdef0123456789abcdef",
                "CSRF_TRUSTED_ORIGINS=https://app.example").run().close())
                .hasStackTraceContaining("The prod profile needs SPRING_DATASOURCE_URL in the environment");
    }
}
