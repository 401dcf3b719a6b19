package dev.kadence.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How the functions' JVMs are started: with the flags of {@code functions/jvm-flags.txt}, as in their images, and
 * with a JDK AOT cache (JEP 483/514/515) under {@code <data>/aot} when one was trained for the very jar, JVM and
 * flags. Caches are made by {@code functions/aot-cache.sh} — the training run the image build uses — when
 * {@code KADENCE_AOT=train}, or recorded by the functions' own run when {@code KADENCE_AOT=record} (JEP 514: the JVM
 * writes the cache as it stops); {@code auto} (the default) uses caches that are current, {@code off} none.
 */
final class FunctionJvm {

    enum AotMode { AUTO, TRAIN, RECORD, OFF }

    static final Path FLAGS = Path.of("functions", "jvm-flags.txt");
    static final Path TRAINING_SCRIPT = Path.of("functions", "aot-cache.sh");
    private static final Duration TRAINING_TIMEOUT = Duration.ofMinutes(5);
    /** The JDK AOT cache flags exist from JDK 24 on; the functions' images run 25. */
    private static final int AOT_JAVA = 25;

    private final List<String> flags;
    private final AotMode mode;
    private final Path cacheDirectory;
    private final Path repository;
    private final Path javaHome;
    private final int javaFeature;

    FunctionJvm(List<String> flags, AotMode mode, Path cacheDirectory, Path repository, Path javaHome, int javaFeature) {
        this.flags = List.copyOf(flags);
        this.mode = mode;
        this.cacheDirectory = cacheDirectory;
        this.repository = repository;
        this.javaHome = javaHome;
        this.javaFeature = javaFeature;
    }

    /** The flags from the repository, the mode from KADENCE_AOT, the JVM that runs this launcher. */
    static FunctionJvm fromEnvironment(Map<String, String> env, Settings settings) {
        String value = env.getOrDefault("KADENCE_AOT", "").trim();
        AotMode mode;
        try {
            mode = value.isEmpty() ? AotMode.AUTO : AotMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StartupFailure("KADENCE_AOT must be auto, train, record or off, not '" + value + "'");
        }
        return new FunctionJvm(readFlags(settings.repositoryRoot().resolve(FLAGS)), mode,
                settings.data().root().resolve("aot"), settings.repositoryRoot(), JavaCommand.javaHome(),
                Runtime.version().feature());
    }

    /** One flag per line; '#' starts a comment; blank lines are skipped (as functions/aot-cache.sh reads them). */
    static List<String> readFlags(Path file) {
        try {
            List<String> flags = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int comment = line.indexOf('#');
                String flag = (comment < 0 ? line : line.substring(0, comment)).replaceAll("\\s", "");
                if (!flag.isEmpty()) {
                    flags.add(flag);
                }
            }
            if (flags.isEmpty()) {
                throw new StartupFailure("no JVM flags in " + file);
            }
            return flags;
        } catch (IOException e) {
            throw new StartupFailure("cannot read the functions' JVM flags " + file + ": " + e.getMessage(), e);
        }
    }

    AotMode mode() {
        return mode;
    }

    /** The JVM options of one function: the flags, and its cache if it is current, or where to record one. */
    List<String> options(FunctionSpec spec) {
        List<String> options = new ArrayList<>(flags);
        if (mode != AotMode.OFF && isCurrent(spec)) {
            // auto, not on: a cache the JVM still refuses costs a slower start on a laptop, not a failed one.
            options.addAll(List.of("-XX:AOTMode=auto", "-XX:AOTCache=" + cache(spec)));
        } else if (records(spec)) {
            try {
                Files.createDirectories(cacheDirectory);     // the JVM writes the file, not its directory
                Files.deleteIfExists(recording(spec));       // what a killed recording left
            } catch (IOException e) {
                throw new StartupFailure("cannot record an AOT cache in " + cacheDirectory + ": " + e.getMessage(), e);
            }
            options.add("-XX:AOTCacheOutput=" + recording(spec));
        }
        return options;
    }

    /** KADENCE_AOT=record and no current cache: the function's run is the training, its stop writes the cache. */
    boolean records(FunctionSpec spec) {
        return mode == AotMode.RECORD && javaFeature >= AOT_JAVA && !isCurrent(spec);
    }

    /**
     * After a recording function stopped: the cache its JVM wrote as it exited becomes the function's (returned), or
     * nothing was written (it was killed, or the JVM could not make one) and the next start records again.
     */
    Optional<Path> adoptRecording(FunctionSpec spec) {
        Path recorded = recording(spec);
        try {
            if (!Files.isRegularFile(recorded) || Files.size(recorded) == 0) {
                Files.deleteIfExists(recorded);
                return Optional.empty();
            }
            adopt(spec, recorded);
            return Optional.of(cache(spec));
        } catch (IOException e) {
            throw new StartupFailure("cannot keep the AOT cache " + recorded + ": " + e.getMessage(), e);
        }
    }

    /** A recording that must not be used (its JVM was killed while it wrote it); the next start records again. */
    void discardRecording(FunctionSpec spec) {
        try {
            Files.deleteIfExists(recording(spec));
        } catch (IOException e) {
            // options() deletes it before the next recording
        }
    }

    private Path recording(FunctionSpec spec) {
        return cacheDirectory.resolve(spec.name() + ".aot.recorded");
    }

    /** A cache exists and was trained for this jar (path, size, time), this JVM and these flags. */
    boolean isCurrent(FunctionSpec spec) {
        try {
            return javaFeature >= AOT_JAVA && Files.isRegularFile(cache(spec))
                    && Files.readString(stamp(spec)).equals(stampOf(spec));
        } catch (IOException e) {
            return false;
        }
    }

    /** KADENCE_AOT=train and no current cache. */
    boolean needsTraining(FunctionSpec spec) {
        return mode == AotMode.TRAIN && !isCurrent(spec);
    }

    /**
     * Runs {@code functions/aot-cache.sh} for one function against the running platform (its database, broker and
     * Dapr endpoint) on a port of its own, and keeps the cache only if the script succeeded. The training adds a few
     * throw-away users ({@code aot-<uuid>@example.com}) to the local database, as the image build's does to its own.
     *
     * @param extraEnv what the workload needs besides the function's own environment (task-crud's address for notify)
     */
    void train(FunctionSpec spec, Map<String, String> extraEnv, Path log) {
        if (javaFeature < AOT_JAVA) {
            throw new StartupFailure("KADENCE_AOT=train needs JDK " + AOT_JAVA + " or later to run the functions; this is "
                    + javaFeature + " (" + javaHome + ")");
        }
        Path script = repository.resolve(TRAINING_SCRIPT);
        Path fresh = cacheDirectory.resolve(spec.name() + ".aot.new");
        Map<String, String> env = new HashMap<>(spec.env());
        env.putAll(extraEnv);
        env.put("JAVA_HOME", javaHome.toString());
        env.put("DAPR_HTTP_PORT", Integer.toString(spec.daprPort()));
        env.put("DAPR_HTTP_ENDPOINT", "http://127.0.0.1:" + spec.daprPort());
        env.put("KADENCE_JVM_FLAGS_FILE", repository.resolve(FLAGS).toString());
        env.remove("PORT");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), spec.jar().toString(), fresh.toString())
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = null;
        try {
            Files.createDirectories(cacheDirectory);
            process = builder.start();
            process.getOutputStream().close();
            if (!process.waitFor(TRAINING_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                throw new StartupFailure("the AOT training of " + spec.name() + " took over " + TRAINING_TIMEOUT.toMinutes()
                        + " minutes; see " + log);
            }
            if (process.exitValue() != 0 || !Files.isRegularFile(fresh)) {
                throw new StartupFailure("the AOT training of " + spec.name() + " failed (exit " + process.exitValue()
                        + "); see " + log);
            }
            adopt(spec, fresh);
        } catch (IOException e) {
            throw new StartupFailure("cannot run the AOT training of " + spec.name() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailure("the AOT training of " + spec.name() + " was interrupted", e);
        } finally {
            if (process != null && process.isAlive()) {
                // Timed out or interrupted (Ctrl-C): SIGTERM to the script, whose EXIT trap stops its training JVM
                // and removes what that wrote.
                process.destroy();
            }
            try {
                Files.deleteIfExists(fresh);
            } catch (IOException ignored) {
                // a leftover .aot.new is overwritten by the next training
            }
        }
    }

    /** Makes {@code made} the function's cache, stamped with the jar, JVM and flags it was made for. */
    void adopt(FunctionSpec spec, Path made) throws IOException {
        Files.createDirectories(cacheDirectory);
        Files.move(made, cache(spec), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Files.writeString(stamp(spec), stampOf(spec));
    }

    Path cache(FunctionSpec spec) {
        return cacheDirectory.resolve(spec.name() + ".aot");
    }

    private Path stamp(FunctionSpec spec) {
        return cacheDirectory.resolve(spec.name() + ".aot.stamp");
    }

    /** What the cache was made for; the JVM checks the jar too, this spares starting with a cache it would refuse. */
    private String stampOf(FunctionSpec spec) throws IOException {
        return "jar=" + spec.jar().toAbsolutePath() + "\n"
                + "size=" + Files.size(spec.jar()) + "\n"
                + "modified=" + Files.getLastModifiedTime(spec.jar()).toMillis() + "\n"
                + "java=" + javaHome + " " + System.getProperty("java.vm.version") + "\n"
                + "flags=" + String.join(" ", flags) + "\n";
    }
}
