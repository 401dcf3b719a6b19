package dev.kadence.local;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.Supplier;

/** One line per step on the terminal, with how long it took: {@code kafka      ready on 127.0.0.1:59092 (2.8 s)}. */
final class Progress {

    private final PrintStream out;

    Progress(PrintStream out) {
        this.out = out;
    }

    void message(String text) {
        out.println(text);
    }

    void line(String name, String message) {
        out.printf(Locale.ROOT, "%-18s %s%n", name, message);
    }

    /** Runs a step and prints {@code doneMessage} with its duration, or {@code failed} if it throws. */
    <T> T step(String name, String doneMessage, Supplier<T> action) {
        long start = System.nanoTime();
        try {
            T result = action.get();
            done(name, doneMessage, start);
            return result;
        } catch (RuntimeException e) {
            failed(name, start);
            throw e;
        }
    }

    void step(String name, String doneMessage, Runnable action) {
        step(name, doneMessage, () -> {
            action.run();
            return null;
        });
    }

    void done(String name, String message, long startNanos) {
        line(name, message + " (" + seconds(startNanos) + ")");
    }

    void failed(String name, long startNanos) {
        line(name, (Thread.currentThread().isInterrupted() ? "interrupted" : "failed") + " (" + seconds(startNanos) + ")");
    }

    private static String seconds(long startNanos) {
        return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - startNanos) / 1e9);
    }
}
