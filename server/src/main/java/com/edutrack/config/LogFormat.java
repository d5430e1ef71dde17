package com.edutrack.config;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code EDUTRACK_LOG_FORMAT=json} turns the console log into Spring Boot's structured JSON (Elastic
 * Common Schema, one object a line, the request id as {@code request_id}); {@code text} or unset keeps
 * the readable lines. Runs before the logging system starts, which is why it is not a property file.
 */
public class LogFormat implements EnvironmentPostProcessor {

    static final String VARIABLE = "EDUTRACK_LOG_FORMAT";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty(VARIABLE, "text").strip();
        switch (format) {
            case "", "text" -> {
            }
            case "json" -> environment.getPropertySources().addFirst(new MapPropertySource("edutrackLogFormat",
                    Map.of("logging.structured.format.console", "ecs")));
            default -> throw new IllegalStateException(VARIABLE + " must be text or json, not '" + format + "'.");
        }
    }
}
