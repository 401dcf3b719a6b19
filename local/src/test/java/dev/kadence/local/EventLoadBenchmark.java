package dev.kadence.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kadence.local.LoadSamples.Sample;
import dev.kadence.testkit.KafkaSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import static dev.kadence.local.LoadSamples.header;
import static dev.kadence.local.LoadSamples.report;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test (skipped unless {@code -Dkadence.benchmark=true}): how many events one instance of each
 * event function handles — the capacity behind the chart's scale settings for recurrence-handler, reminder-fire and
 * notify. Each function in turn is pinned to one CPU ({@code taskset}, as {@code limits.cpu: 1}) and sent binary
 * CloudEvents straight to {@code /events} as its KafkaSource would, each with a new {@code ce-id} (so each goes
 * through the inbox), about tasks that exist:
 * <ul>
 *   <li>recurrence-handler: {@code task.updated} 70 %, {@code task.completed} 30 % (a third of the tasks recur);</li>
 *   <li>reminder-fire: {@code task.updated} — it reconciles the task's Dapr jobs (the local Dapr stand-in);</li>
 *   <li>notify: {@code task.changed} with a task snapshot — a stream event per change.</li>
 * </ul>
 * Closed loop at 1, 3 (what a KafkaSource with ordered delivery on 3 partitions sends at most), 8 and 16 in flight.
 * Prints a table per function; see docs/performance.md.
 *
 * <pre>mvn -q -DskipTests install && mvn -pl local test -Dtest=EventLoadBenchmark -Dkadence.benchmark=true</pre>
 */
@EnabledIfSystemProperty(named = "kadence.benchmark", matches = "true")
class EventLoadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STEP = Duration.ofSeconds(Long.getLong("kadence.benchmark.step-seconds", 15));
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    /** A stored task and its JSON as the API answers it (the snapshot task events carry). */
    private record Task(String id, String userId, String json) {
    }

    @Test
    void oneInstanceOfEachEventFunction() throws Exception {
        Path work = Path.of("target", "event-load-run").toAbsolutePath();
        ReminderLatencyBenchmark.deleteRecursively(work);
        try (RunningPlatform platform = RunningPlatform.start(work)) {
            List<Task> tasks = seed(platform, "http://127.0.0.1:" + platform.function("task-crud").port());
            deliveryTokens.clear();
            for (String function : List.of("recurrence-handler", "reminder-fire", "notify")) {
                deliveryTokens.put(function, platform.function(function).env().get(KadenceFunctions.DELIVERY_TOKEN));
            }
            for (String function : List.of("recurrence-handler", "reminder-fire", "notify")) {
                String events = "http://127.0.0.1:" + platform.function(function).port() + "/events";
                platform.pinToOneCpu(function);
                System.out.println("\n" + function + " — warm-up: 8 in flight, " + STEP.toSeconds() + " s");
                List<Sample> warmUp = closedLoop(events, function, tasks, 8, STEP);
                assertEquals(0, warmUp.stream().filter(w -> w.status() < 200 || w.status() >= 300).count(),
                    function + " refused events of the warm-up; one answer: " + answer(events, function, tasks.getFirst()));
                header();
                for (int inFlight : new int[] {1, 3, 8, 16}) {
                    report(inFlight + " in flight", closedLoop(events, function, tasks, inFlight, STEP), STEP);
                }
            }
        }
    }

    /** 10 users with 40 tasks each: all with a reminder a day before a due date next month, every third recurring. */
    private static List<Task> seed(RunningPlatform platform, String api) throws Exception {
        List<Task> tasks = new ArrayList<>();
        for (int u = 0; u < 10; u++) {
            String token = platform.signup("events" + u + "@example.com", "Europe/Berlin");
            for (int t = 0; t < 40; t++) {
                String body = "{\"title\":\"Event load " + t + "\",\"priority\":\"medium\",\"tags\":[\"work\"],"
                    + "\"due_at\":\"2026-12-" + String.format("%02d", 1 + t % 28) + "T09:00:00Z\","
                    + "\"reminders\":[{\"before_due\":\"P1D\"}]"
                    + (t % 3 == 0 ? ",\"recurrence\":{\"rule\":\"FREQ=WEEKLY\"}" : "") + "}";
                HttpResponse<String> created = CLIENT.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/tasks"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, created.statusCode(), created.body());
                JsonNode task = JSON.readTree(created.body());
                tasks.add(new Task(task.get("id").asText(), task.get("user_id").asText(), created.body()));
            }
        }
        System.out.println("seeded " + tasks.size() + " tasks");
        return tasks;
    }

    private static List<Sample> closedLoop(String events, String function, List<Task> tasks, int inFlight, Duration length)
            throws InterruptedException {
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + length.toNanos();
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int s = 0; s < inFlight; s++) {
                senders.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < end) {
                        Task task = tasks.get(random.nextInt(tasks.size()));
                        long began = System.nanoTime();
                        int status = post(event(events, function, task, random));
                        samples.add(new Sample(System.nanoTime() - began, status));
                    }
                    return null;
                });
            }
        }
        return new ArrayList<>(samples);
    }

    /** Each function's delivery token on the platform under load (the KafkaSources send it as ce-kadencetoken). */
    private static final java.util.Map<String, String> deliveryTokens = new java.util.concurrent.ConcurrentHashMap<>();

    private static HttpRequest event(String events, String function, Task task, ThreadLocalRandom random) {
        // The data as task-crud's outbox writes it (core/…/task/TaskEvents): ids on top, the full snapshot under "task".
        String ids = "\"task_id\":\"" + task.id() + "\",\"user_id\":\"" + task.userId() + "\"";
        String type = switch (function) {
            case "recurrence-handler" -> random.nextInt(100) < 70 ? "dev.kadence.task.updated" : "dev.kadence.task.completed";
            case "reminder-fire" -> "dev.kadence.task.updated";
            default -> "dev.kadence.task.changed";
        };
        String data = "{" + ids + (function.equals("notify") ? ",\"change\":\"updated\"" : "") + ",\"task\":" + task.json() + "}";
        java.util.Map<String, String> headers = KafkaSource.headers(type, task.id());
        headers.put(KafkaSource.TOKEN_HEADER, deliveryTokens.get(function));   // as the chart's KafkaSources add it
        return KafkaSource.request(events, headers, data);
    }

    private static String answer(String events, String function, Task task) throws Exception {
        HttpResponse<String> answer = CLIENT.send(event(events, function, task, ThreadLocalRandom.current()),
            HttpResponse.BodyHandlers.ofString());
        return answer.statusCode() + " " + answer.body();
    }

    private static int post(HttpRequest request) {
        try {
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }
}
