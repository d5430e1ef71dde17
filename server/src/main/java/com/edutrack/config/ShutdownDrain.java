package com.edutrack.config;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first step of a shutdown ({@code EDUTRACK_SHUTDOWN_DRAIN}, 0 by default): readiness turns DOWN
 * while the server still serves everything, for as long as the load balancer needs to notice and stop
 * sending requests. Only then does the graceful shutdown close connections. Without it, a request the
 * balancer sent on a kept-alive connection just as Tomcat closed it would fail (HAProxy answers 502),
 * though no instance was lost.
 */
@Component
public class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final ApplicationEventPublisher events;
    private final Duration drain;
    private volatile boolean running;

    public ShutdownDrain(ApplicationEventPublisher events, @Value("${edutrack.shutdown-drain}") Duration drain) {
        this.events = events;
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (drain.isZero() || drain.isNegative()) {
            return;
        }
        AvailabilityChangeEvent.publish(events, this, ReadinessState.REFUSING_TRAFFIC);
        log.info("Shutting down: readiness DOWN, still serving for {} ms while the load balancer takes this instance out",
                drain.toMillis());
        try {
            Thread.sleep(drain.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before everything else, the web servers' graceful shutdown included. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
