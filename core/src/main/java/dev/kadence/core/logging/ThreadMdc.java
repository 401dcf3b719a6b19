package dev.kadence.core.logging;

import org.slf4j.helpers.ThreadLocalMapOfStacks;
import org.slf4j.spi.MDCAdapter;

import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The MDC: a map per thread, replaced rather than changed, so a copy handed to another thread (Micronaut's
 * {@code MdcPropagationContext} does that for every request) is never changed behind its back. Not inherited by
 * threads started from a thread that has one: pool threads must not carry a request's id forever.
 */
final class ThreadMdc implements MDCAdapter {
    private final ThreadLocal<Map<String, String>> map = new ThreadLocal<>();
    private final ThreadLocalMapOfStacks stacks = new ThreadLocalMapOfStacks();

    /** The current thread's entries (never null, not to be changed). */
    Map<String, String> current() {
        Map<String, String> m = map.get();
        return m == null ? Map.of() : m;
    }

    @Override
    public void put(String key, String val) {
        if (key == null) {
            throw new IllegalArgumentException("key cannot be null");
        }
        Map<String, String> next = new HashMap<>(current());
        next.put(key, val);
        map.set(Collections.unmodifiableMap(next));
    }

    @Override
    public String get(String key) {
        return current().get(key);
    }

    @Override
    public void remove(String key) {
        Map<String, String> m = current();
        if (m.containsKey(key)) {
            Map<String, String> next = new HashMap<>(m);
            next.remove(key);
            map.set(next.isEmpty() ? null : Collections.unmodifiableMap(next));
        }
    }

    @Override
    public void clear() {
        map.remove();
    }

    @Override
    public Map<String, String> getCopyOfContextMap() {
        Map<String, String> m = map.get();
        return m == null ? null : new HashMap<>(m);
    }

    @Override
    public void setContextMap(Map<String, String> contextMap) {
        map.set(contextMap == null || contextMap.isEmpty() ? null : Collections.unmodifiableMap(new HashMap<>(contextMap)));
    }

    @Override
    public void pushByKey(String key, String value) {
        stacks.pushByKey(key, value);
    }

    @Override
    public String popByKey(String key) {
        return stacks.popByKey(key);
    }

    @Override
    public Deque<String> getCopyOfDequeByKey(String key) {
        return stacks.getCopyOfDequeByKey(key);
    }

    @Override
    public void clearDequeByKey(String key) {
        stacks.clearDequeByKey(key);
    }
}
