package dev.kadence.local;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The chaos suite's short run, in {@code mvn verify}: three clients for about three minutes; notify (whose streams the
 * clients hold open), the broker and PostgreSQL killed with {@code kill -9} in turn, then the whole platform, down for
 * 10 s. Nothing
 * acknowledged is lost, every completion has exactly one next instance, every reminder that fell due is notified once
 * (those due while the platform was down too), the outbox is empty and the platform healthy ({@link Chaos}; the full
 * run is {@link ChaosBenchmark}). Its data and launcher output stay in {@code local/target/chaos-test}.
 */
class ChaosTest {

    @Test
    void killedPartsAndAKilledPlatformLoseNothingAndNotifyOnce() throws Exception {
        Path work = Path.of("target", "chaos-test").toAbsolutePath();
        ReminderLatencyBenchmark.deleteRecursively(work);
        Chaos.Config config = new Chaos.Config(List.of("notify", Chaos.KAFKA, Chaos.POSTGRES), 3,
            Duration.ofMillis(250), Duration.ofSeconds(6), Duration.ofSeconds(10), Duration.ofSeconds(12), Duration.ofSeconds(120));
        Chaos.Result result = new Chaos(work, config).run();
        System.out.println(result.report());
        assertEquals(List.of(), result.problems(), result.report());
    }
}
