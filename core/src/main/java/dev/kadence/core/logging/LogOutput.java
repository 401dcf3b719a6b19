package dev.kadence.core.logging;

import org.slf4j.event.Level;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/** Where events go: standard output, one write per event (so lines of concurrent threads never interleave). */
final class LogOutput {
    private final LogFormat format;
    private final ThreadMdc mdc;
    private final List<Consumer<LogEvent>> listeners = new CopyOnWriteArrayList<>();
    private final LongAdder[] written = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder()};

    LogOutput(LogFormat format, ThreadMdc mdc) {
        this.format = format;
        this.mdc = mdc;
    }

    ThreadMdc mdc() {
        return mdc;
    }

    void write(LogEvent event) {
        written[event.level().ordinal()].increment();
        byte[] line = format.line(event).getBytes(StandardCharsets.UTF_8);
        PrintStream out = System.out;
        synchronized (out) {
            out.write(line, 0, line.length);
            out.flush();
        }
        listeners.forEach(l -> l.accept(event));
    }

    /** Events written at this level since start-up. */
    long written(Level level) {
        return written[level.ordinal()].sum();
    }

    void listen(Consumer<LogEvent> listener) {
        listeners.add(listener);
    }

    void unlisten(Consumer<LogEvent> listener) {
        listeners.remove(listener);
    }
}
