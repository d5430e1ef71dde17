package com.edutrack.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * The {@code prod} profile runs only with a real database, a signing key shared by every instance and
 * the frontend's origins; it stops at start-up, before touching anything, naming what is missing.
 */
public class ProductionSettings implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    /** Environment variable, and the property it may also be given as. */
    private static final Map<String, String> REQUIRED = Map.of(
            "SPRING_DATASOURCE_URL", "spring.datasource.url",
            "JWT_SIGNING_KEY", "JWT_SIGNING_KEY",
            "CSRF_TRUSTED_ORIGINS", "CSRF_TRUSTED_ORIGINS");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        List<String> missing = new ArrayList<>();
        REQUIRED.forEach((variable, property) -> {
            if (!StringUtils.hasText(environment.getProperty(property))) {
                missing.add(variable);
            }
        });
        if (!missing.isEmpty()) {
            missing.sort(null);
            throw new IllegalStateException("The prod profile needs " + String.join(", ", missing)
                    + " in the environment; refusing to start without "
                    + (missing.size() == 1 ? "it." : "them."));
        }
    }
}
