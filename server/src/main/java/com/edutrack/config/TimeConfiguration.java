package com.edutrack.config;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class TimeConfiguration {

    /** Every "now" of the server comes from here, in UTC, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
