package dev.kadence.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kadence.testkit.SseStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static dev.kadence.local.PlatformTestSupport.http;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test (skipped unless {@code -Dkadence.benchmark=true}): many open notification streams on one
 * notify instance — the chart lets a pod take 1,000 ({@code containerConcurrency}) and aims at 500 ({@code target}).
 * Opens {@code kadence.benchmark.streams} (default 500) Server-Sent Events streams straight to notify (10 per user,
 * as 10 open tabs), then makes 50 task changes through task-crud, one every 100 ms, round the users, and measures how
 * long each of the changed task's user's streams takes to show it, and notify's memory (RSS, anonymous, heap) before and with the streams, and after two heartbeats.
 *
 * <pre>mvn -q -DskipTests install && mvn -pl local test -Dtest=StreamLoadBenchmark -Dkadence.benchmark=true</pre>
 */
@EnabledIfSystemProperty(named = "kadence.benchmark", matches = "true")
class StreamLoadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PER_USER = 10;
    private static final int CHANGES = 50;

    @Test
    void manyStreamsOnOneNotifyInstance() throws Exception {
        int total = Integer.getInteger("kadence.benchmark.streams", 500);
        Path work = Path.of("target", "stream-load-run").toAbsolutePath();
        ReminderLatencyBenchmark.deleteRecursively(work);
        try (RunningPlatform platform = RunningPlatform.start(work)) {
            String notify = "http://127.0.0.1:" + platform.function("notify").port();
            String api = "http://127.0.0.1:" + platform.function("task-crud").port();
            long pid = Long.parseLong(Files.readString(platform.settings.data().pidFile("notify")).trim());
            memory("notify, no stream", pid, notify);

            List<String> tokens = new ArrayList<>();
            List<List<SseStream>> streams = new ArrayList<>();
            Instant opening = Instant.now();
            for (int u = 0; u < total / PER_USER; u++) {
                String token = platform.signup("streams" + u + "@example.com", "UTC");
                tokens.add(token);
                List<SseStream> own = new ArrayList<>();
                for (int s = 0; s < PER_USER; s++) {
                    String ticket = JSON.readTree(http("POST", notify + "/api/v1/notifications/stream-tickets", token, null).body())
                        .get("ticket").asText();
                    own.add(SseStream.connect(notify + "/api/v1/notifications/stream?ticket=" + ticket));
                }
                streams.add(own);
            }
            System.out.printf("opened %d streams in %d ms%n", total, Duration.between(opening, Instant.now()).toMillis());
            memory("notify, " + total + " streams open", pid, notify);

            // 50 task changes, one every 100 ms, round the users; every one of the changed task's user's streams should
            // show it (the same changes whatever the number of streams).
            Map<String, Instant> changed = new ConcurrentHashMap<>();
            List<Integer> owners = new ArrayList<>();
            for (int i = 0; i < CHANGES; i++) {
                int u = i % tokens.size();
                String title = "stream-load-" + i;
                changed.put(title, Instant.now());
                owners.add(u);
                var created = http("POST", api + "/api/v1/tasks", tokens.get(u), "{\"title\":\"" + title + "\"}");
                assertEquals(201, created.statusCode(), created.body());
                Thread.sleep(100);
            }
            List<Long> latencies = new ArrayList<>();
            int missing = 0;
            for (int i = 0; i < CHANGES; i++) {
                String title = "stream-load-" + i;
                for (SseStream stream : streams.get(owners.get(i))) {
                    SseStream.Event r = stream.next("task", "\"" + title + "\"", Duration.ofSeconds(20));
                    if (r == null) {
                        missing++;
                    } else {
                        latencies.add(Duration.between(changed.get(title), r.receivedAt()).toMillis());
                    }
                }
            }
            latencies.sort(null);
            System.out.printf("%d task changes -> on each of the user's streams: %d of %d shown, p50 %d ms, p99 %d ms, max %d ms%n",
                CHANGES, latencies.size(), latencies.size() + missing, at(latencies, 50), at(latencies, 99),
                latencies.isEmpty() ? 0 : latencies.getLast());
            memory("notify, after the changes", pid, notify);
            Thread.sleep(35_000);     // two heartbeats (every 15 s) on every stream
            memory("notify, after two heartbeats", pid, notify);
            streams.forEach(own -> own.forEach(SseStream::close));
            assertEquals(0, missing, "streams that did not show their user's change");
        }
    }

    private static long at(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static void memory(String when, long pid, String notify) throws IOException {
        String status = Files.readString(Path.of("/proc/" + pid + "/status"));
        double heapMiB = http("GET", notify + "/prometheus", null, null).body().lines()
            .filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum() / (1 << 20);
        System.out.printf("%-34s RSS %s, anon %s, heap used %.1f MiB%n", when, field(status, "VmRSS"), field(status, "RssAnon"),
            heapMiB);
    }

    private static String field(String status, String name) {
        return status.lines().filter(l -> l.startsWith(name + ":")).map(l -> l.substring(name.length() + 1).strip())
            .findFirst().orElse("?");
    }
}
