package dev.kadence.taskcrud;

import dev.kadence.core.calendar.CalendarFeeds;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test (skipped unless {@code -Dkadence.benchmark=true}): how long task-crud takes to answer a
 * calendar feed of 1,000 open tasks (900 single tasks with tags, a description and two reminders; 100 weekly series
 * in five zones with a reminder each), against the embedded PostgreSQL. Budget: 100 ms of server time, measured as
 * the service call that answers the request (the reads and the rendering, {@code CalendarFeeds.render}) and, for
 * reference, as the whole HTTP round trip on this machine (which adds sending and reading some 640 KB). The CPU time
 * the render takes on its thread is printed too: on a busy machine the wall-clock times mostly measure waiting.
 *
 * <pre>mvn -o -q test -pl functions/task-crud -am -Dtest=CalendarFeedBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dkadence.benchmark=true</pre>
 */
@MicronautTest(transactional = false)
@EnabledIfSystemProperty(named = "kadence.benchmark", matches = "true")
class CalendarFeedBenchmark extends ApiTest {
    private static final List<String> ZONES = List.of("America/New_York", "Europe/Berlin", "Australia/Sydney",
        "Asia/Kolkata", "America/Sao_Paulo");
    private static final int WARM_UP = 200;
    private static final int MEASURED = 300;

    @Inject
    CalendarFeeds feeds;

    @Test
    void aFeedOfAThousandTasks() {
        User user = signup();
        for (int i = 0; i < 1_000; i++) {
            String due = Instant.parse("2027-01-04T09:00:00Z").plusSeconds(3_600L * 7 * i).toString();
            createTask(user, i % 10 == 0
                ? Map.of("title", "Weekly review " + i, "due_at", due, "tags", List.of("review"),
                    "recurrence", Map.of("rule", "FREQ=WEEKLY;BYDAY=MO,TH", "timezone", ZONES.get(i / 10 % ZONES.size())),
                    "reminders", List.of(Map.of("before_due", "PT15M")))
                : Map.of("title", "Call supplier #" + i + ", ask about invoice; follow up", "due_at", due,
                    "description", "Notes: line one\nline two, with commas; and semicolons ".repeat(3),
                    "tags", List.of("work", "calls"), "priority", List.of("low", "medium", "high").get(i % 3),
                    "reminders", List.of(Map.of("before_due", "PT30M"), Map.of("before_due", "P1D"))));
        }
        String path = (String) call("POST", "/api/v1/calendar/feed", user, null).json().get("path");
        Response first = send("GET", path, null, null, null);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().split("BEGIN:VEVENT", -1)).hasSize(1_001);

        for (int i = 0; i < WARM_UP; i++) {
            send("GET", path, null, null, null);
        }
        List<Long> roundTrips = new ArrayList<>();
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            assertThat(send("GET", path, null, null, null).status()).isEqualTo(200);
            roundTrips.add(System.nanoTime() - start);
        }
        String token = path.substring(path.lastIndexOf('/') + 1, path.length() - ".ics".length());
        List<Long> server = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            long startCpu = threads.getCurrentThreadCpuTime();
            feeds.render(token);
            cpu.add(threads.getCurrentThreadCpuTime() - startCpu);
            server.add(System.nanoTime() - start);
        }
        System.out.printf(Locale.ROOT, "calendar feed, 1,000 tasks, %d KB%n", first.body().length() / 1024);
        print("server (CalendarFeeds.render)", server);
        print("  its CPU time in this JVM", cpu);
        print("HTTP round trip", roundTrips);
        assertThat(ms(server, 0.50)).isLessThanOrEqualTo(100.0);
    }

    private static void print(String what, List<Long> nanos) {
        nanos.sort(null);
        System.out.printf(Locale.ROOT, "  %-30s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  max %6.1f ms%n", what,
            ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99), nanos.getLast() / 1e6);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
