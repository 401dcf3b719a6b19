package dev.kadence.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark, not a test (skipped unless {@code -Dkadence.benchmark=true}): the chaos suite's full run ({@link Chaos}).
 * Every function, the broker and PostgreSQL are killed with {@code kill -9} in turn, each waited for until it answers
 * again, then the whole platform, left down for five minutes (reminders fall due meanwhile and must be notified once,
 * within the grace period, after the restart). Prints, and writes to {@code local/target/chaos-benchmark/report.txt}:
 * per kill, the seconds until the part answered again and until a client's request succeeded, and the clients'
 * requests and errors meanwhile; then the totals and what the checks found. See docs/benchmarks.md.
 *
 * <pre>mvn -q -DskipTests install && mvn -pl local test -Dtest=ChaosBenchmark -Dkadence.benchmark=true</pre>
 *
 * Settings: {@code -Dkadence.chaos.outage-seconds=300} (the whole platform's outage), {@code -Dkadence.chaos.clients=4},
 * {@code -Dkadence.chaos.kills=task-crud,recurrence-handler,…} (parts, in order: the five functions, {@code kafka},
 * {@code postgres}).
 */
@EnabledIfSystemProperty(named = "kadence.benchmark", matches = "true")
class ChaosBenchmark {

    @Test
    void everyPartKilledInTurnThenTheWholePlatformDownForFiveMinutes() throws Exception {
        Path work = Path.of("target", "chaos-benchmark").toAbsolutePath();
        ReminderLatencyBenchmark.deleteRecursively(work);
        Files.createDirectories(work);
        List<String> kills = new ArrayList<>(Chaos.FUNCTIONS);
        kills.addAll(List.of(Chaos.KAFKA, Chaos.POSTGRES));
        String chosen = System.getProperty("kadence.chaos.kills", "");
        if (!chosen.isBlank()) {
            kills = Arrays.stream(chosen.split(",")).map(String::strip).toList();
        }
        Chaos.Config config = new Chaos.Config(kills, Integer.getInteger("kadence.chaos.clients", 4), Duration.ofMillis(200),
            Duration.ofSeconds(15), Duration.ofSeconds(Long.getLong("kadence.chaos.outage-seconds", 300)),
            Duration.ofSeconds(60), Duration.ofSeconds(300));
        Chaos.Result result = new Chaos(work, config).run();
        System.out.println(result.report());
        Files.writeString(work.resolve("report.txt"), result.report());
        assertEquals(List.of(), result.problems(), result.report());
    }
}
