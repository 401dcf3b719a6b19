package dev.kadence.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kadence.local.LoadSamples.Sample;
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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.kadence.local.LoadSamples.header;
import static dev.kadence.local.LoadSamples.report;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test (skipped unless {@code -Dkadence.benchmark=true}): what one task-crud instance serves — the
 * capacity that sets the chart's {@code containerConcurrency}, {@code target} and {@code max-scale} — and how it
 * does with 500 users. The local platform runs task-crud with the flags of its image ({@code functions/jvm-flags.txt},
 * its AOT cache if one is current); the benchmark pins that process to one CPU ({@code taskset}), as the chart's
 * {@code limits.cpu: 1} would, and sends a mixed API load straight to it (no front door):
 * list with filters 45 %, read one task 20 %, create 10 %, patch 10 %, complete 5 %, tags 5 %, {@code /me} 5 %.
 * <ul>
 *   <li>closed loop, no think time, at rising concurrency (1, 2, 4, 8, 16, 32, 64): throughput, p50/p95/p99, errors;</li>
 *   <li>500 users, each sending one request and then thinking 1–3 s (≈ 250 requests/s offered).</li>
 * </ul>
 * Prints a table; see docs/performance.md.
 *
 * <pre>mvn -q -DskipTests install && mvn -pl local test -Dtest=ApiLoadBenchmark -Dkadence.benchmark=true</pre>
 */
@EnabledIfSystemProperty(named = "kadence.benchmark", matches = "true")
class ApiLoadBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ACCOUNTS = 40;
    private static final int TASKS_EACH = 60;
    private static final Duration STEP = Duration.ofSeconds(Long.getLong("kadence.benchmark.step-seconds", 15));
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .executor(Executors.newVirtualThreadPerTaskExecutor()).build();

    private record Account(String token, List<String> tasks) {
    }

    @Test
    void oneTaskCrudInstanceUnderMixedLoad() throws Exception {
        Path work = Path.of("target", "api-load-run").toAbsolutePath();
        ReminderLatencyBenchmark.deleteRecursively(work);
        try (RunningPlatform platform = RunningPlatform.start(work)) {
            String base = "http://127.0.0.1:" + platform.function("task-crud").port();
            List<Account> accounts = seed(platform, base);
            platform.pinToOneCpu("task-crud");

            System.out.println("warm-up: 16 users, " + STEP.toSeconds() + " s");
            closedLoop(base, accounts, 16, STEP);
            header();
            for (int users : new int[] {1, 2, 4, 8, 16, 32, 64}) {
                report(users + " busy users", closedLoop(base, accounts, users, STEP), STEP);
            }
            Duration open = STEP.multipliedBy(2);
            report("500 users, 1-3 s think", thinking(base, accounts, 500, open), open);
        }
    }

    /** Sign-ups, then tasks with tags, due dates and reminders, so that lists have something to filter. */
    private static List<Account> seed(RunningPlatform platform, String base) throws Exception {
        List<Account> accounts = Collections.synchronizedList(new ArrayList<>());
        List<Future<?>> seeding = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int a = 0; a < ACCOUNTS; a++) {
                int n = a;
                seeding.add(pool.submit(() -> {
                    String token = platform.signup("load" + n + "@example.com", n % 2 == 0 ? "Europe/Berlin" : "America/New_York");
                    List<String> tasks = new ArrayList<>();
                    for (int t = 0; t < TASKS_EACH; t++) {
                        HttpResponse<String> created = send(base, "POST", "/api/v1/tasks", token, createBody(t));
                        assertEquals(201, created.statusCode(), created.body());
                        tasks.add(JSON.readTree(created.body()).get("id").asText());
                    }
                    accounts.add(new Account(token, tasks));
                    return null;
                }));
            }
        }
        for (Future<?> account : seeding) {
            account.get();     // a failed sign-up or task fails the benchmark here, with its answer
        }
        System.out.println("seeded " + ACCOUNTS + " users with " + TASKS_EACH + " tasks each");
        return accounts;
    }

    private static String createBody(int t) {
        String[] priorities = {"low", "medium", "high"};
        String[] tags = {"work", "home", "urgent", "travel", "errands"};
        return "{\"title\":\"Load task " + t + "\",\"priority\":\"" + priorities[t % 3] + "\",\"tags\":[\"" + tags[t % 5]
            + "\",\"" + tags[(t + 2) % 5] + "\"],\"due_at\":\"2026-12-" + String.format("%02d", 1 + t % 28)
            + "T09:00:00Z\"" + (t % 3 == 0 ? ",\"reminders\":[{\"before_due\":\"PT1H\"}]" : "") + "}";
    }

    private static List<Sample> closedLoop(String base, List<Account> accounts, int users, Duration length) throws InterruptedException {
        return run(base, accounts, users, length, false);
    }

    private static List<Sample> thinking(String base, List<Account> accounts, int users, Duration length) throws InterruptedException {
        return run(base, accounts, users, length, true);
    }

    private static List<Sample> run(String base, List<Account> accounts, int users, Duration length, boolean think)
            throws InterruptedException {
        ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + length.toNanos();
        try (ExecutorService vus = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < users; u++) {
                Account account = accounts.get(u % accounts.size());
                vus.submit(() -> {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    if (think) {
                        Thread.sleep(random.nextLong(0, 3000));     // spread the users' first requests
                    }
                    while (System.nanoTime() < end) {
                        long began = System.nanoTime();
                        int status = request(base, account, random);
                        samples.add(new Sample(System.nanoTime() - began, status));
                        if (think) {
                            Thread.sleep(random.nextLong(1000, 3000));
                        }
                    }
                    return null;
                });
            }
        }
        return new ArrayList<>(samples);
    }

    private static final AtomicInteger CREATED = new AtomicInteger();

    /** One request of the mix; answers its status (0 when the connection failed). */
    private static int request(String base, Account account, ThreadLocalRandom random) {
        String task = account.tasks().get(random.nextInt(account.tasks().size()));
        int pick = random.nextInt(100);
        try {
            HttpResponse<String> response;
            if (pick < 45) {
                String[] lists = {"?status=todo&sort_by=due_at", "?priority=high&tags=work&sort_by=priority&order=desc",
                    "?tags=urgent,travel&tag_mode=any", "?search=load%20task&sort_by=due_at", ""};
                response = send(base, "GET", "/api/v1/tasks" + lists[random.nextInt(lists.length)], account.token(), null);
            } else if (pick < 65) {
                response = send(base, "GET", "/api/v1/tasks/" + task, account.token(), null);
            } else if (pick < 75) {
                response = send(base, "POST", "/api/v1/tasks", account.token(), createBody(CREATED.incrementAndGet()));
            } else if (pick < 85) {
                response = send(base, "PATCH", "/api/v1/tasks/" + task, account.token(),
                    "{\"priority\":\"" + (random.nextBoolean() ? "high" : "low") + "\"}");
            } else if (pick < 90) {
                response = send(base, "POST", "/api/v1/tasks/" + task + "/complete", account.token(), null);   // idempotent: 200
            } else if (pick < 95) {
                response = send(base, "GET", "/api/v1/tags", account.token(), null);
            } else {
                response = send(base, "GET", "/api/v1/me", account.token(), null);
            }
            return response.statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static HttpResponse<String> send(String base, String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
