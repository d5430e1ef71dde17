package com.edutrack.config;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.actuate.endpoint.EndpointFilter;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.ExposableWebEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * {@code /actuator/prometheus} is served only on a management port of its own ({@code MANAGEMENT_SERVER_PORT}),
 * which the operator keeps off the internet; while the actuator shares the public port (the default), the
 * endpoint does not exist there and the public port answers it 404 like any unknown path. Pool sizes,
 * login counts and memory are not for the public.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsExposure {

    private static final EndpointId PROMETHEUS = EndpointId.of("prometheus");

    @Bean
    EndpointFilter<ExposableWebEndpoint> prometheusOnlyOnManagementPort(Environment environment) {
        boolean ownPort = ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        return endpoint -> ownPort || !PROMETHEUS.equals(endpoint.getEndpointId());
    }
}
