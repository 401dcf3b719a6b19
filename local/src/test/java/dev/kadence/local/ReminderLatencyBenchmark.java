package dev.kadence.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kadence.testkit.SseStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.kadence.local.PlatformTestSupport.http;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test (skipped unless {@code -Dkadence.benchmark=true}): how long from a reminder's time until its
 * notification is on the user's stream, through the whole local platform — the local Dapr's job, reminder-fire, the
 * outbox, the broker, the KafkaSource stand-in, notify, PostgreSQL NOTIFY, the front door. Creates
 * {@code kadence.benchmark.reminders} reminders (default 250) for a few users with open streams, due
 * {@code kadence.benchmark.spacing} apart (default 100 ms), and prints p50/p95/p99/max. See docs/performance.md.
 *
 * <pre>mvn -q -DskipTests install && mvn -pl local test -Dtest=ReminderLatencyBenchmark -Dkadence.benchmark=true</pre>
 */
@EnabledIfSystemProperty(named = "kadence.benchmark", matches = "true")
class ReminderLatencyBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int USERS = 5;

    @Test
    void reminderTimeToStream() throws IOException {
        Path work = Path.of("target", "reminder-latency-run").toAbsolutePath();     // kept afterwards: logs in data/logs
        deleteRecursively(work);
        int reminders = Integer.getInteger("kadence.benchmark.reminders", 250);
        Duration spacing = Duration.ofMillis(Long.getLong("kadence.benchmark.spacing", 100));
        try (RunningPlatform platform = RunningPlatform.start(work)) {
            List<String> tokens = new ArrayList<>();
            List<SseStream> streams = new ArrayList<>();
            for (int u = 0; u < USERS; u++) {
                String token = platform.signup("bench" + u + "@example.com", "UTC");
                tokens.add(token);
                HttpResponse<String> ticket = http("POST", platform.frontDoor("/api/v1/notifications/stream-tickets"), token, null);
                streams.add(SseStream.connect(platform.frontDoor("/api/v1/notifications/stream?ticket="
                    + JSON.readTree(ticket.body()).get("ticket").asText())));
            }
            warmUp(platform, tokens.get(0), streams.get(0));

            // Reminders start once all are created (about 20 ms a task here), then fall due one every `spacing`.
            Instant first = Instant.now().plusMillis(reminders * 40L + 5_000);
            Map<String, Instant> fireAt = new HashMap<>();
            Map<String, Integer> owner = new HashMap<>();
            for (int i = 0; i < reminders; i++) {
                Instant at = first.plus(spacing.multipliedBy(i));
                int user = i % USERS;
                HttpResponse<String> created = http("POST", platform.frontDoor("/api/v1/tasks"), tokens.get(user),
                    "{\"title\":\"Benchmark " + i + "\",\"reminders\":[{\"at\":\"" + at + "\"}]}");
                assertEquals(201, created.statusCode(), created.body());
                String id = JSON.readTree(created.body()).get("id").asText();
                fireAt.put(id, at);
                owner.put(id, user);
            }
            if (Instant.now().isAfter(first)) {
                throw new IllegalStateException("creating the tasks took longer than planned; the first reminders were already due");
            }

            Map<String, Instant> arrived = new HashMap<>();
            Instant deadline = first.plus(spacing.multipliedBy(reminders)).plusSeconds(30);
            while (!arrived.keySet().containsAll(fireAt.keySet()) && Instant.now().isBefore(deadline)) {
                pause();     // arrival times are stamped by the streams' readers, not by this loop
                for (SseStream stream : streams) {
                    for (SseStream.Event r : stream.all()) {
                        if (r.name().equals("notification")) {
                            arrived.putIfAbsent(JSON.readTree(r.data()).get("task_id").asText(), r.receivedAt());
                        }
                    }
                }
            }
            List<String> missing = fireAt.keySet().stream().filter(id -> !arrived.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                String statuses = String.join(", ", List.of("pending", "fired", "delivered", "suppressed", "missed").stream()
                    .map(st -> st + " " + PlatformTestSupport.count(platform.settings, Settings.DATABASE,
                        "select count(*) from reminders where status = ? and task_id = any (?::uuid[])", st,
                        "{" + String.join(",", missing) + "}")).toList());
                throw new AssertionError(missing.size() + " of " + reminders + " reminders never reached the stream ("
                    + statuses + "), e.g. of task " + missing.get(0) + "; logs in " + work);
            }
            List<Long> latencies = new ArrayList<>();
            List<Long> early = new ArrayList<>();
            for (Map.Entry<String, Instant> e : fireAt.entrySet()) {
                Instant n = arrived.get(e.getKey());
                long ms = Duration.between(e.getValue(), n).toMillis();
                (ms < 0 ? early : latencies).add(ms);
            }
            streams.forEach(SseStream::close);
            String report = report(reminders, spacing, latencies, early);
            System.out.println(report);
            Files.writeString(Path.of("target", "reminder-latency.txt"), report);
        }
    }

    /** One reminder end to end first, so the numbers are of a warm platform (cold starts are measured elsewhere). */
    private static void warmUp(RunningPlatform platform, String token, SseStream stream) throws IOException {
        HttpResponse<String> created = http("POST", platform.frontDoor("/api/v1/tasks"), token,
            "{\"title\":\"Warm-up\",\"reminders\":[{\"at\":\"" + Instant.now().plusSeconds(2) + "\"}]}");
        String id = JSON.readTree(created.body()).get("id").asText();
        if (stream.next("notification", id, Duration.ofSeconds(30)) == null) {
            throw new AssertionError("the warm-up reminder never arrived");
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String report(int reminders, Duration spacing, List<Long> latencies, List<Long> early) {
        List<Long> sorted = latencies.stream().sorted().toList();
        return String.format("reminder time -> notification on the stream, %d reminders %d ms apart, %d users:%n"
                + "  p50 %d ms, p95 %d ms, p99 %d ms, max %d ms; %d arrived before their time%n",
            reminders, spacing.toMillis(), USERS, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
            sorted.get(sorted.size() - 1), early.size());
    }

    private static long percentile(List<Long> sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }
}
