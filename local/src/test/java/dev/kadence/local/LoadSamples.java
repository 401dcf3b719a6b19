package dev.kadence.local;

import java.time.Duration;
import java.util.Collection;

/** What the load benchmarks record per request, and the table line they print per load step. */
final class LoadSamples {
    private LoadSamples() {
    }

    /** One request: how long it took and its HTTP status (0 when the connection failed). */
    record Sample(long nanos, int status) {
    }

    static void header() {
        System.out.printf("%n%-26s %8s %8s %8s %8s %8s %8s%n", "load", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors");
    }

    static void report(String load, Collection<Sample> samples, Duration length) {
        long[] micros = samples.stream().mapToLong(s -> s.nanos() / 1_000).sorted().toArray();
        long errors = samples.stream().filter(s -> s.status() < 200 || s.status() >= 300).count();
        System.out.printf("%-26s %8.0f %8.1f %8.1f %8.1f %8.1f %8d%n", load, samples.size() / (double) length.toSeconds(),
            percentile(micros, 50), percentile(micros, 95), percentile(micros, 99),
            micros.length == 0 ? 0 : micros[micros.length - 1] / 1000.0, errors);
    }

    private static double percentile(long[] sortedMicros, int p) {
        if (sortedMicros.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, index)] / 1000.0;
    }
}
