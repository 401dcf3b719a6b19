package dev.kadence.core.logging;

import org.slf4j.event.Level;

import java.time.Instant;
import java.util.Map;

/** One logged event, as it is written: the message already formatted, the MDC as it was on the logging thread. */
public record LogEvent(Instant time, Level level, String thread, String logger, String message,
                       Map<String, String> mdc, Throwable error) {
}
