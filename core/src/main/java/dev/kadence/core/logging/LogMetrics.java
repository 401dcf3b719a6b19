package dev.kadence.core.logging;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import org.slf4j.event.Level;

import java.util.Locale;

/**
 * {@code log_events_total{level}} on {@code /prometheus}: how many events each function logged per level since it
 * started (an increase at {@code level="error"} or {@code "warn"} is worth a look; docs/operations.md).
 */
@Singleton
@Requires(classes = MeterRegistry.class)
final class LogMetrics implements MeterBinder {
    @Override
    public void bindTo(MeterRegistry registry) {
        for (Level level : Level.values()) {
            FunctionCounter.builder("log.events", level, KadenceLogs::written)
                .description("Events logged, by level")
                .tag("level", level.name().toLowerCase(Locale.ROOT))
                .register(registry);
        }
    }
}
