package dev.kadence.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static dev.kadence.testkit.Waits.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A launcher killed with {@code kill -9} leaves PostgreSQL, the broker, the functions and the front door running in
 * their own sessions; the next start stops them and starts the first time, without waiting out the dead KafkaSource
 * consumers. Each launcher is its own JVM, as {@code java -jar local/target/kadence-local.jar} is.
 */
class HardKilledLauncherTest {
    private static final Duration START = Duration.ofSeconds(150);

    @Test
    void theStartAfterAKilledLauncherSucceedsTheFirstTime(@TempDir Path work) throws Exception {
        Settings ports = PlatformTestSupport.settings(work.resolve("data"), work);
        Map<String, String> env = new HashMap<>(Map.of(
            "KADENCE_DATA", ports.data().root().toString(),
            "KADENCE_PG_PORT", Integer.toString(ports.postgresPort()),
            "KADENCE_KAFKA_PORT", Integer.toString(ports.kafkaPort()),
            "KADENCE_KAFKA_CONTROLLER_PORT", Integer.toString(ports.kafkaControllerPort()),
            "KADENCE_SINK_PORT", Integer.toString(ports.sinkPort()),
            "KADENCE_PORT", Integer.toString(ports.apiPort()),
            "KADENCE_FUNCTION_PORT_BASE", Integer.toString(ports.functionPortBase()),
            "KADENCE_DAPR_PORT_BASE", Integer.toString(ports.daprPortBase()),
            "KADENCE_AOT", "off"));

        Process first = launch(env, work.resolve("first.out"));
        awaitRunning(first, work.resolve("first.out"));
        List<ProcessHandle> orphans = children(ports.data());
        assertEquals(8, orphans.size(), "PostgreSQL, the broker, five functions and the front door run: " + orphans);
        first.destroyForcibly();            // SIGKILL: no shutdown hook runs
        first.waitFor();
        assertTrue(orphans.stream().allMatch(ProcessHandle::isAlive), "the killed launcher's parts outlive it");

        Path secondOut = work.resolve("second.out");
        Process second = launch(env, secondOut);
        try {
            awaitRunning(second, secondOut);
            String output = Files.readString(secondOut);
            assertTrue(output.contains("leftovers          stopped what a killed run left running"), output);
            assertFalse(output.contains("error:"), output);
            assertTrue(orphans.stream().noneMatch(ProcessHandle::isAlive), "the orphans were stopped");
        } finally {
            second.destroy();               // SIGTERM, as Ctrl-C
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the launcher stops");
        }
        assertTrue(Files.readString(secondOut).contains("Kadence stopped."));
        assertTrue(children(ports.data()).isEmpty(), "nothing is left behind after a clean stop");
    }

    private static Process launch(Map<String, String> env, Path output) throws IOException {
        Path repository = FunctionJars.repositoryRoot(Path.of("").toAbsolutePath(), "the tests");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", classpath, KadenceLocal.class.getName())
            .directory(repository.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    private static void awaitRunning(Process launcher, Path output) {
        await("Kadence is running", START, () -> {
            String out = read(output);
            if (!launcher.isAlive()) {
                throw new AssertionError("the launcher exited with " + launcher.exitValue() + ":\n" + out);
            }
            return out.contains("Kadence is running");
        });
    }

    /** The running processes the data directory's pid files and PostgreSQL's postmaster.pid name. */
    private static List<ProcessHandle> children(DataDirectory data) throws IOException {
        List<Path> files = new ArrayList<>(List.of(data.postgres().resolve("postmaster.pid")));
        try (Stream<Path> pids = Files.list(data.pids())) {
            pids.filter(p -> !p.getFileName().toString().equals(Leftovers.LAUNCHER + ".pid")).forEach(files::add);
        }
        return files.stream().map(PidFile::runningProcess).flatMap(java.util.Optional::stream).toList();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
