package dev.kadence.local;

import dev.kadence.local.LoadSamples.Sample;
import dev.kadence.testkit.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.kadence.local.LoadSamples.header;
import static dev.kadence.local.LoadSamples.report;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test (skipped unless {@code -Dkadence.benchmark=true}): how long the language endpoints take, one
 * request at a time against the assistant function of the local platform (its image's flags, pinned to one CPU as the
 * chart's {@code limits.cpu: 1} would), for a user with 60 tasks: a quick-add parse of the lines, and an
 * assistant turn of each kind — a search, a change by name, a create — first paced (a short pause after each answer),
 * then back to back, which saturates this machine's two cores with what the requests set off. Prints the client's
 * times per kind and the function's own ("server time", from its request log) per endpoint; see docs/benchmarks.md.
 *
 * <pre>mvn -q -DskipTests package && mvn -pl local -am test -Dtest=AssistantTurnBenchmark -Dkadence.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@EnabledIfSystemProperty(named = "kadence.benchmark", matches = "true")
class AssistantTurnBenchmark {
    private static final int TASKS = 60;
    private static final int ROUNDS = Integer.getInteger("kadence.benchmark.rounds", 300);
    /**
     * The pause after each answer in the paced phase: the rounds then come at ~30 requests a second, a steady load
     * for one pod (a user sends a turn every few seconds at most), which leaves this two-core machine — PostgreSQL,
     * Kafka, the platform and five functions on it — time to do what each request sets off before the next.
     */
    private static final long PAUSE_MS = Long.getLong("kadence.benchmark.pause-ms", 20);
    private static final List<String> LINES = List.of("Pay rent every month on the 1st p1 #home",
        "Standup every weekday at 9:30 @work", "Water plants every 3 days at 8am", "Review budget every last Friday at 4pm",
        "Call mom tomorrow at 6pm remind me 30 minutes before", "Gym every Mon, Wed and Fri at 7am #health",
        "Clean gutters every! 2 weeks");
    private static final List<String> SEARCHES = List.of("Show me all high-priority tasks", "Show me all tasks tagged 'work'",
        "Show me high-priority incomplete work tasks due this week", "Find tasks about report");
    private static final List<String> CHANGES = List.of("Change the priority of 'Weekly report 7' to low",
        "Add the tag 'expense' to 'Weekly report 12'", "Mark 'Weekly report 20' as done", "reopen 'Weekly report 20'");

    @Test
    void theLanguageEndpointsOneRequestAtATime() throws Exception {
        Path work = Path.of("target", "assistant-turn-run").toAbsolutePath();
        ReminderLatencyBenchmark.deleteRecursively(work);
        try (RunningPlatform platform = RunningPlatform.start(work)) {
            String token = platform.signup("turns@example.com", "Europe/Berlin");
            String taskCrud = "http://127.0.0.1:" + platform.function("task-crud").port();
            for (int t = 0; t < TASKS; t++) {
                HttpResponse<String> created = post(taskCrud + "/api/v1/tasks", token, "{\"title\":\"Weekly report " + t
                    + "\",\"priority\":\"" + (t % 2 == 0 ? "high" : "low") + "\",\"tags\":[\"" + (t % 3 == 0 ? "work" : "home")
                    + "\"],\"due_at\":\"2026-12-" + String.format("%02d", 1 + t % 28) + "T09:00:00Z\"}");
                assertEquals(201, created.statusCode(), created.body());
            }
            String assistant = "http://127.0.0.1:" + platform.function("assistant").port();
            platform.pinToOneCpu("assistant");

            measure(assistant, token, ROUNDS / 3, 0);      // warm-up: the JIT and the caches, not measured
            long began = System.nanoTime();
            List<List<Sample>> paced = measure(assistant, token, ROUNDS, PAUSE_MS);
            Duration pacedFor = Duration.ofNanos(System.nanoTime() - began);
            began = System.nanoTime();
            List<List<Sample>> saturated = measure(assistant, token, ROUNDS, 0);
            Duration saturatedFor = Duration.ofNanos(System.nanoTime() - began);
            // Parses alone: a quick-add bar sends one per pause in typing, with nothing else of that user in flight.
            List<Sample> alone = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                alone.add(timed(assistant + "/api/v1/quick-add/parse", token, text(LINES.get(i % LINES.size()))));
            }

            Duration unused = Duration.ofSeconds(1);
            for (var phase : List.of(Map.entry(String.format("paced, %d ms between requests: %.0f requests/s", PAUSE_MS,
                    4 * ROUNDS / (pacedFor.toNanos() / 1e9)), paced),
                Map.entry(String.format("back to back: %.0f requests/s", 4 * ROUNDS / (saturatedFor.toNanos() / 1e9)), saturated))) {
                System.out.printf("%n%s (client time; the req/s column is meaningless here):", phase.getKey());
                header();
                report("quick-add parse", phase.getValue().get(0), unused);
                report("assistant: search", phase.getValue().get(1), unused);
                report("assistant: change by name", phase.getValue().get(2), unused);
                report("assistant: create", phase.getValue().get(3), unused);
            }
            report("quick-add parse, alone", alone, unused);
            System.out.println();

            Path log = platform.settings.data().logs().resolve("assistant.log");
            double[] parses = serverTimes(log, "/api/v1/quick-add/parse");
            double[] turns = serverTimes(log, "/api/v1/assistant/messages");
            int warm = ROUNDS / 3;
            print("quick-add parse, paced", Arrays.copyOfRange(parses, warm, warm + ROUNDS));
            print("quick-add parse, back to back", Arrays.copyOfRange(parses, warm + ROUNDS, warm + 2 * ROUNDS));
            print("quick-add parse, alone", Arrays.copyOfRange(parses, warm + 2 * ROUNDS, parses.length));
            print("assistant turns, paced", Arrays.copyOfRange(turns, 3 * warm, 3 * (warm + ROUNDS)));
            print("assistant turns, back to back", Arrays.copyOfRange(turns, 3 * (warm + ROUNDS), turns.length));
        }
    }

    /** The function's own time per request to {@code path}, in the order served (its request log, in milliseconds). */
    private static double[] serverTimes(Path log, String path) throws java.io.IOException {
        Pattern line = Pattern.compile("RequestLog - POST " + Pattern.quote(path) + " 200 ([0-9.]+) ms");
        return Files.readAllLines(log).stream().map(line::matcher).filter(Matcher::find)
            .mapToDouble(m -> Double.parseDouble(m.group(1))).toArray();
    }

    private static void print(String path, double[] times) {
        double[] ms = times.clone();
        Arrays.sort(ms);
        System.out.printf("server time %-40s n=%d p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms%n", path, ms.length,
            ms[(int) Math.ceil(0.50 * ms.length) - 1], ms[(int) Math.ceil(0.95 * ms.length) - 1],
            ms[(int) Math.ceil(0.99 * ms.length) - 1], ms[ms.length - 1]);
    }

    /**
     * {@code rounds} of each kind, interleaved, one request at a time, {@code pauseMs} between one's answer and the
     * next; samples per kind.
     */
    private static List<List<Sample>> measure(String assistant, String token, int rounds, long pauseMs) throws InterruptedException {
        List<List<Sample>> samples = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < rounds; i++) {
            for (int kind = 0; kind < 4; kind++) {
                Thread.sleep(pauseMs);
                samples.get(kind).add(switch (kind) {
                    case 0 -> timed(assistant + "/api/v1/quick-add/parse", token, text(LINES.get(i % LINES.size())));
                    case 1 -> timed(assistant + "/api/v1/assistant/messages", token, text(SEARCHES.get(i % SEARCHES.size())));
                    case 2 -> timed(assistant + "/api/v1/assistant/messages", token, text(CHANGES.get(i % CHANGES.size())));
                    default -> timed(assistant + "/api/v1/assistant/messages", token,
                        text("Every Friday at 2 PM remind me to submit report " + i));
                });
            }
        }
        return samples;
    }

    private static Sample timed(String url, String token, String body) {
        long began = System.nanoTime();
        HttpResponse<String> answer = post(url, token, body);
        return new Sample(System.nanoTime() - began, answer.statusCode());
    }

    private static String text(String text) {
        return "{\"text\":\"" + text.replace("\"", "\\\"") + "\"}";
    }

    private static HttpResponse<String> post(String url, String token, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
