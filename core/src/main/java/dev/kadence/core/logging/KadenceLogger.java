package dev.kadence.core.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

import java.time.Instant;

/** A named logger: drops what is below its level, formats the rest and hands it to the output. */
final class KadenceLogger extends LegacyAbstractLogger {
    private final transient LogOutput output;
    private volatile int threshold;

    KadenceLogger(String name, LogOutput output, int threshold) {
        this.name = name;
        this.output = output;
        this.threshold = threshold;
    }

    void threshold(int threshold) {
        this.threshold = threshold;
    }

    private boolean enabled(Level level) {
        return level.toInt() >= threshold;
    }

    @Override
    public boolean isTraceEnabled() {
        return enabled(Level.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return enabled(Level.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return enabled(Level.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return enabled(Level.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return enabled(Level.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable error) {
        String message = arguments == null || arguments.length == 0 ? String.valueOf(pattern)
            : MessageFormatter.basicArrayFormat(pattern, arguments);
        output.write(new LogEvent(Instant.now(), level, Thread.currentThread().getName(), name, message,
            output.mdc().current(), error));
    }
}
