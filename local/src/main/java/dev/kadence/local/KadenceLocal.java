package dev.kadence.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar local/target/kadence-local.jar}: runs Kadence on this machine (PostgreSQL, a Kafka broker and
 * the functions) until Ctrl-C. See local/README.md.
 */
public final class KadenceLocal {

    private KadenceLocal() {
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Path workingDirectory = Path.of("").toAbsolutePath();
        Progress progress = new Progress(System.out);
        LocalPlatform platform = null;
        try {
            Settings settings = Settings.fromEnvironment(env, workingDirectory);
            DataDirectory data = settings.data();
            data.create();
            progress.line("data", data.root().toString());
            List<FunctionSpec> functions = KadenceFunctions.forLaptop(settings,
                    new FunctionJars(env, workingDirectory), JwtSecret.loadOrCreate(data.jwtSecret()));
            platform = new LocalPlatform(settings, progress, FunctionJvm.fromEnvironment(env, settings));
            Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "kadence-stop"));
            platform.start(functions);
            progress.message("Kadence is running: http://localhost:" + settings.apiPort() + " (API under /api/v1) — logs in "
                    + data.logs() + " — Ctrl-C to stop");
        } catch (RuntimeException e) {
            fail(platform, e);
        }
        try {
            platform.awaitStop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops what was started, then reports the failure (unless it was Ctrl-C) and exits non-zero. */
    private static void fail(LocalPlatform platform, RuntimeException failure) {
        boolean interrupted = platform != null && platform.isStopping();
        if (platform != null) {
            platform.stop();
        }
        if (!interrupted) {
            if (failure instanceof StartupFailure) {
                System.err.println("error: " + failure.getMessage());
            } else {
                System.err.print("error: unexpected failure while starting Kadence: ");
                failure.printStackTrace();
            }
        }
        System.exit(1);
    }
}
