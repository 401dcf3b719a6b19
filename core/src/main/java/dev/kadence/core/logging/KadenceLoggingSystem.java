package dev.kadence.core.logging;

import io.micronaut.logging.LogLevel;
import io.micronaut.logging.LoggingSystem;
import jakarta.inject.Singleton;
import org.slf4j.event.Level;

/**
 * Lets Micronaut's {@code logger.levels.<name>} configuration (e.g. the environment variable
 * {@code LOGGER_LEVELS_DEV_KADENCE=DEBUG}) set levels once the context runs, as it would with logback.
 */
@Singleton
final class KadenceLoggingSystem implements LoggingSystem {
    @Override
    public void setLogLevel(String name, LogLevel level) {
        KadenceLogs logs = KadenceLogs.active();
        if (logs != null) {
            logs.level(name, switch (level) {
                case NOT_SPECIFIED -> null;
                case ALL -> Level.TRACE.toInt();
                case OFF -> Levels.OFF;
                default -> Level.valueOf(level.name()).toInt();
            });
        }
    }
}
