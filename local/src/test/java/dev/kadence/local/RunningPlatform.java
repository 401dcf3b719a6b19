package dev.kadence.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static dev.kadence.local.PlatformTestSupport.field;
import static dev.kadence.local.PlatformTestSupport.http;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole local platform for a test class, on free ports under {@code work}: the repository's knative/ chart and a
 * copy of its dapr/ components whose cron schedules run every 2 s.
 */
final class RunningPlatform implements AutoCloseable {
    /** The secret the platform's functions sign and check tokens with. */
    static final String JWT_SECRET = "end-to-end-test-secret-long-enough-for-hs256";
    final Settings settings;
    final List<FunctionSpec> functions;
    private LocalPlatform platform;

    private RunningPlatform(Settings settings, List<FunctionSpec> functions) {
        this.settings = settings;
        this.functions = functions;
    }

    static RunningPlatform start(Path work) {
        try {
            Path repository = FunctionJars.repositoryRoot(Path.of("").toAbsolutePath(), "the tests");
            Path dapr = Files.createDirectories(work.resolve("dapr"));
            try (var files = Files.list(repository.resolve("dapr"))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                    Files.writeString(dapr.resolve(f.getFileName()), Files.readString(f).replaceAll("@every \\d+[smh]", "@every 2s"));
                }
            }
            Settings settings = PlatformTestSupport.settings(work.resolve("data"), dapr);
            settings.data().create();
            List<FunctionSpec> functions = KadenceFunctions.forLaptop(settings, new FunctionJars(Map.of(), repository),
                JWT_SECRET);
            RunningPlatform running = new RunningPlatform(settings, functions);
            try {
                running.restart();
            } catch (RuntimeException e) {
                running.close();        // what did start (PostgreSQL, Kafka, functions) must not outlive a failed start
                throw e;
            }
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the platform if it runs, and starts it again on the same data. */
    void restart() {
        stop();
        platform = new LocalPlatform(settings, new Progress(System.out),
            FunctionJvm.fromEnvironment(Map.of("KADENCE_AOT", "record"), settings));
        platform.start(functions);
    }

    /** Stops one function, runs {@code whileDown}, and starts the function again; the rest of the platform keeps running. */
    void outage(String function, Runnable whileDown) {
        platform.stopFunction(function);
        try {
            whileDown.run();
        } finally {
            platform.startFunction(function(function));
        }
    }

    /** Runs {@code whileUp} with {@code variant} in place of the function of its name, then starts the original again. */
    void replaced(FunctionSpec variant, Runnable whileUp) {
        outage(variant.name(), () -> {
            platform.startFunction(variant);
            try {
                whileUp.run();
            } finally {
                platform.stopFunction(variant.name());
            }
        });
    }

    /** Pins a function's process (all its threads) to CPU 0, as the chart's {@code limits.cpu: 1} would limit it. */
    void pinToOneCpu(String function) {
        try {
            long pid = Long.parseLong(Files.readString(settings.data().pidFile(function)).trim());
            Process pin = new ProcessBuilder("taskset", "-a", "-cp", "0", Long.toString(pid)).inheritIO().start();
            assertEquals(0, pin.waitFor(), "taskset could not pin " + function + " to CPU 0");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void stop() {
        if (platform != null) {
            platform.stop();
            platform = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    String frontDoor(String path) {
        return "http://127.0.0.1:" + settings.apiPort() + path;
    }

    FunctionSpec function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    /** The headers of a delivery to {@code function} as its KafkaSource makes it, with the platform's delivery token. */
    Map<String, String> delivery(String function, String type, String subject) {
        Map<String, String> headers = dev.kadence.testkit.KafkaSource.headers(type, subject);
        headers.put(dev.kadence.testkit.KafkaSource.TOKEN_HEADER, function(function).env().get(KadenceFunctions.DELIVERY_TOKEN));
        return headers;
    }

    /** The password of every user {@link #signup} makes. */
    static final String PASSWORD = "correct horse battery";

    /** Signs a user up at the front door and returns their token. */
    String signup(String email, String timezone) {
        HttpResponse<String> signup = http("POST", frontDoor("/api/v1/auth/signup"), null,
            "{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"timezone\":\"" + timezone + "\"}");
        assertEquals(201, signup.statusCode(), signup.body());
        return field(signup.body(), "token");
    }
}
