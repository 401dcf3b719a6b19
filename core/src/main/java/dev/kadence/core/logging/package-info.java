/**
 * The functions' logging: a small SLF4J 2 provider that writes one line per event to standard output, as readable
 * text or as one JSON object ({@code KADENCE_LOG_FORMAT=json}), with the MDC as fields. It replaces logback, whose
 * ~600 classes (and the JDK's XML parser for its configuration) every function loaded at start-up and kept in its
 * AOT cache (docs/startup-and-memory.md). Levels: {@code KADENCE_LOG_LEVELS} at start-up, Micronaut's
 * {@code logger.levels.*} once the context runs ({@link dev.kadence.core.logging.KadenceLoggingSystem}).
 */
package dev.kadence.core.logging;
