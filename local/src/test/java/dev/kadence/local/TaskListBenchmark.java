package dev.kadence.local;

import dev.kadence.testkit.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Benchmark, not a test (skipped unless {@code -Dkadence.benchmark=true}): {@code GET /api/v1/tasks} for one user with
 * 100,000 tasks (seeded in SQL, task-list-seed.sql), one request at a time against task-crud of the local platform (its
 * image's flags, pinned to one CPU as the chart's {@code limits.cpu: 1} would), every query shape of the preliminary
 * measurement (docs/benchmarks.md) in turn. Prints per shape the function's own time ("server time", its request log:
 * what DESIGN §8's budget calls server time, p95 ≤ 20 ms) and the client's, then the server time of creating a task in
 * that table, and fails if a shape's server p95 is over the budget; see docs/benchmarks.md.
 *
 * <pre>mvn -q -DskipTests package && mvn -pl local -am test -Dtest=TaskListBenchmark -Dkadence.benchmark=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@EnabledIfSystemProperty(named = "kadence.benchmark", matches = "true")
class TaskListBenchmark {
    private static final String EMAIL = "tasklist@example.com";
    private static final int ROUNDS = Integer.getInteger("kadence.benchmark.rounds", 300);
    private static final double BUDGET_P95_MS = 20;
    private static final Pattern LIST_LOGGED = Pattern.compile("RequestLog - GET /api/v1/tasks 200 ([0-9.]+) ms");
    private static final Pattern CREATE_LOGGED = Pattern.compile("RequestLog - POST /api/v1/tasks 201 ([0-9.]+) ms");

    @Test
    void everyListShapeOverOneHundredThousandTasks() throws Exception {
        Path work = Path.of("target", "task-list-run").toAbsolutePath();
        ReminderLatencyBenchmark.deleteRecursively(work);
        try (RunningPlatform platform = RunningPlatform.start(work)) {
            String token = platform.signup(EMAIL, "Europe/Berlin");
            seed(platform);
            String tasks = "http://127.0.0.1:" + platform.function("task-crud").port() + "/api/v1/tasks";
            platform.pinToOneCpu("task-crud");

            Map<String, String> shapes = shapes(tasks, token);
            measure(tasks, token, shapes, ROUNDS / 3);            // warm-up: the JIT and the caches, not measured
            List<Double> client = measure(tasks, token, shapes, ROUNDS);
            Map<String, List<Double>> server = report(new ArrayList<>(shapes.keySet()), client,
                serverTimes(platform, LIST_LOGGED, client.size()));

            for (int i = 0; i < ROUNDS; i++) {
                HttpResponse<String> created = call("POST", tasks, token, "{\"title\":\"Prepare slides for the review " + i
                    + "\",\"priority\":\"high\",\"tags\":[\"work\",\"review\"],\"due_at\":\"2027-01-15T09:00:00Z\"}");
                assertEquals(201, created.statusCode(), created.body());
            }
            List<Double> creates = serverTimes(platform, CREATE_LOGGED, ROUNDS);
            System.out.printf("%-52s %5d | %6.2f %6.2f %6.2f %6.2f |%n", "POST /api/v1/tasks (create, for writes)",
                creates.size(), pct(creates, 50), pct(creates, 95), pct(creates, 99), pct(creates, 100));

            List<String> over = server.entrySet().stream().filter(e -> pct(e.getValue(), 95) > BUDGET_P95_MS)
                .map(e -> e.getKey() + " (p95 " + pct(e.getValue(), 95) + " ms)").toList();
            assertTrue(over.isEmpty(), () -> "server p95 over the " + BUDGET_P95_MS + " ms budget: " + over);
        }
    }

    /** The seed, then vacuum and statistics, as autovacuum would leave a table that size. */
    private static void seed(RunningPlatform platform) throws IOException, java.sql.SQLException {
        String script;
        try (InputStream in = TaskListBenchmark.class.getResourceAsStream("/task-list-seed.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = DriverManager.getConnection(platform.settings.jdbcUrl(Settings.DATABASE), Settings.DATABASE_USER,
                Settings.DATABASE_PASSWORD); Statement s = c.createStatement()) {
            s.execute(script);
            s.execute("vacuum analyze tasks");
        }
    }

    /**
     * The shapes of the preliminary measurement (dates relative to today in the user's zone), plus a completed range
     * that ended months ago, and page 2 of the first by its cursor.
     */
    private static Map<String, String> shapes(String tasks, String token) {
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Berlin"));
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("no filter (due date order)", "");
        shapes.put("priority + status, by due date", "priority=high&status=in_progress&sort_by=due_at");
        shapes.put("priority + tag + 2 statuses, by priority desc",
            "priority=high&tags=work&status=todo,in_progress&sort_by=priority&order=desc");
        shapes.put("prefix search \"prep pres\", by due date", "search=prep%20pres&sort_by=due_at");
        shapes.put("tags any + overdue, by title", "tags=urgent,travel&tag_mode=any&overdue=true&sort_by=title");
        shapes.put("completed last 6 months, by updated", "completed_from=" + today.minusMonths(6) + "&completed_to="
            + today + "&sort_by=updated_at");
        shapes.put("completed 10-6 months ago, by updated", "completed_from=" + today.minusMonths(10) + "&completed_to="
            + today.minusMonths(6) + "&sort_by=updated_at");
        HttpResponse<String> first = call("GET", tasks, token, null);
        assertEquals(200, first.statusCode(), first.body());
        shapes.put("page 2 of the first, by cursor", "cursor=" + PlatformTestSupport.field(first.body(), "next_cursor"));
        return shapes;
    }

    /** {@code rounds} rounds of every shape in turn, one request at a time: the client's times in milliseconds, in order. */
    private static List<Double> measure(String tasks, String token, Map<String, String> shapes, int rounds) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            shapes.forEach((shape, query) -> {
                long began = System.nanoTime();
                HttpResponse<String> page = call("GET", query.isEmpty() ? tasks : tasks + "?" + query, token, null);
                millis.add((System.nanoTime() - began) / 1e6);
                assertEquals(200, page.statusCode(), () -> shape + ": " + page.body());
            });
        }
        return millis;
    }

    private static HttpResponse<String> call(String method, String url, String token, String json) {
        return Http.call(method, URI.create(url), token, json);
    }

    /** task-crud's own times (its request log) of the last {@code n} requests logged as {@code line}, in order. */
    private static List<Double> serverTimes(RunningPlatform platform, Pattern line, int n) throws IOException, InterruptedException {
        Thread.sleep(1000);         // the last lines reach the log file
        List<Double> all = new ArrayList<>();
        for (String logged : Files.readAllLines(platform.settings.data().logs().resolve("task-crud.log"))) {
            Matcher m = line.matcher(logged);
            if (m.find()) {
                all.add(Double.parseDouble(m.group(1)));
            }
        }
        return all.subList(Math.max(0, all.size() - n), all.size());
    }

    /**
     * Prints the table: per shape, server and client times (request {@code i} was of shape {@code i % shapes}); returns
     * the server times per shape.
     */
    private static Map<String, List<Double>> report(List<String> shapes, List<Double> client, List<Double> server) {
        assertEquals(client.size(), server.size(), "one request-log line per measured request");
        Map<String, List<Double>> clientMs = new LinkedHashMap<>();
        Map<String, List<Double>> serverMs = new LinkedHashMap<>();
        for (int i = 0; i < client.size(); i++) {
            String shape = shapes.get(i % shapes.size());
            clientMs.computeIfAbsent(shape, k -> new ArrayList<>()).add(client.get(i));
            serverMs.computeIfAbsent(shape, k -> new ArrayList<>()).add(server.get(i));
        }
        System.out.printf("%n%-52s %5s | %-27s | %-20s%n", "shape (limit 50)", "n", "server ms p50 / p95 / p99 / max",
            "client ms p50 / p95");
        serverMs.forEach((shape, ms) -> {
            List<Double> seen = clientMs.get(shape);
            System.out.printf("%-52s %5d | %6.2f %6.2f %6.2f %6.2f | %6.2f %6.2f%n", shape, ms.size(), pct(ms, 50),
                pct(ms, 95), pct(ms, 99), pct(ms, 100), pct(seen, 50), pct(seen, 95));
        });
        return serverMs;
    }

    private static double pct(List<Double> values, int p) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length == 0 ? 0 : sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
