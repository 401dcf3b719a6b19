package dev.kadence.core.logging;

import org.slf4j.MDC;

import java.util.HashMap;
import java.util.Map;

/**
 * Adds fields to the MDC of the current thread until closed, then puts back what was there: every line logged in
 * between carries them (in JSON logs as fields of their own). One MDC change in, one out.
 */
public final class MdcScope implements AutoCloseable {
    private final Map<String, String> before;

    private MdcScope(Map<String, String> before) {
        this.before = before;
    }

    public static MdcScope with(Map<String, String> fields) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        Map<String, String> during = before == null ? new HashMap<>() : new HashMap<>(before);
        during.putAll(fields);
        MDC.setContextMap(during);
        return new MdcScope(before);
    }

    @Override
    public void close() {
        if (before == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(before);
        }
    }
}
