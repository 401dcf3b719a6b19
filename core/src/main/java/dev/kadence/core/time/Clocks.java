package dev.kadence.core.time;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/** The one source of "now", in microseconds as stored. Tests replace it; no other code reads the wall clock. */
@Factory
class Clocks {
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));  // PostgreSQL keeps microseconds
    }
}
