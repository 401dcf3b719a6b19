package dev.kadence.core.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The SLF4J provider (found through {@code META-INF/services/org.slf4j.spi.SLF4JServiceProvider}) and the loggers'
 * factory. Configured from the environment when SLF4J starts: {@code KADENCE_LOG_FORMAT} ({@code text}, the default,
 * or {@code json}) and {@code KADENCE_LOG_LEVELS} ({@code name=LEVEL,…}; the root is INFO, {@code org.apache.kafka}
 * WARN).
 */
public final class KadenceLogs implements SLF4JServiceProvider, ILoggerFactory {
    private final Map<String, KadenceLogger> loggers = new ConcurrentHashMap<>();
    private final Levels levels = new Levels();
    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final List<String> complaints = new CopyOnWriteArrayList<>();
    private final ThreadMdc mdc = new ThreadMdc();
    private volatile LogOutput output = new LogOutput(LogFormat.TEXT, mdc);

    @Override
    public void initialize() {
        output = new LogOutput(LogFormat.named(System.getenv("KADENCE_LOG_FORMAT")), mdc);
        levels.apply(System.getenv("KADENCE_LOG_LEVELS"), complaints::add);
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return this;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public Logger getLogger(String name) {
        KadenceLogger logger = loggers.computeIfAbsent(name, n -> new KadenceLogger(n, output, levels.thresholdOf(n)));
        if (!complaints.isEmpty()) {
            List<String> said = List.copyOf(complaints);
            complaints.removeAll(said);
            said.forEach(logger::warn);   // the first logger asked for tells of a KADENCE_LOG_LEVELS it could not read
        }
        return logger;
    }

    /** Sets (or, with {@code null}, unsets) the level of a logger name and of the names under it. */
    void level(String name, Integer threshold) {
        if (threshold == null) {
            levels.unset(name);
        } else {
            levels.set(name, threshold);
        }
        loggers.forEach((n, logger) -> logger.threshold(levels.thresholdOf(n)));
    }

    /** The provider SLF4J is running with, when it is this one (not, e.g., in the local platform's process). */
    static KadenceLogs active() {
        return LoggerFactory.getILoggerFactory() instanceof KadenceLogs logs ? logs : null;
    }

    /** Events written at this level since start-up (0 when SLF4J is bound to another provider). */
    public static long written(Level level) {
        KadenceLogs logs = active();
        return logs == null ? 0 : logs.output.written(level);
    }

    /**
     * Calls {@code listener} with every event written from now until the returned handle is closed — for tests that
     * assert what was logged.
     */
    public static AutoCloseable listen(Consumer<LogEvent> listener) {
        KadenceLogs logs = active();
        if (logs == null) {
            throw new IllegalStateException("SLF4J is not bound to Kadence's logging: " + LoggerFactory.getILoggerFactory());
        }
        LogOutput out = logs.output;
        out.listen(listener);
        return () -> out.unlisten(listener);
    }
}
