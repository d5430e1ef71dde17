package com.edutrack.testing;

import com.edutrack.EduTrackApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another server of the application, started beside the test's own: a second instance on the same
 * PostgreSQL, one that is shut down mid-request, or one with another profile.
 */
public final class ServerInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private ServerInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /**
     * A server on a free port, with the test profile plus {@code profiles}, on the database at
     * {@code jdbcUrl}; {@code properties} ("name=value") win over the application's own files.
     */
    public static ServerInstance start(String jdbcUrl, List<String> profiles, String... properties) {
        List<String> arguments = new ArrayList<>(List.of("server.port=0", "spring.datasource.url=" + jdbcUrl,
                "spring.datasource.username=postgres"));
        arguments.addAll(List.of(properties));
        List<String> active = new ArrayList<>(List.of("test"));
        active.addAll(profiles);
        return new ServerInstance(new SpringApplicationBuilder(EduTrackApplication.class)
                .profiles(active.toArray(String[]::new))
                .run(arguments.stream().map(argument -> "--" + argument).toArray(String[]::new)));
    }

    public int port() {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
