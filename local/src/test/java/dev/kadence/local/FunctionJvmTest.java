package dev.kadence.local;

import dev.kadence.testkit.Waits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FunctionJvmTest {

    private static final List<String> FLAGS = List.of("-XX:+UseSerialGC", "-Xmx32m");

    @TempDir
    Path dir;

    @Test
    void readsOneFlagPerLineWithoutCommentsOrBlankLines() throws IOException {
        Path file = Files.writeString(dir.resolve("jvm-flags.txt"), """
                # the heap
                -Xms16m
                   -Xmx32m   # capped

                -XX:+UseSerialGC
                """);

        assertEquals(List.of("-Xms16m", "-Xmx32m", "-XX:+UseSerialGC"), FunctionJvm.readFlags(file));
    }

    @Test
    void theRepositoryFlagsAreTheOnesTheImagesUse() throws IOException {
        Path repository = FunctionJars.repositoryRoot(Path.of("").toAbsolutePath(), "the tests");

        List<String> flags = FunctionJvm.readFlags(repository.resolve(FunctionJvm.FLAGS));

        assertTrue(flags.contains("-XX:+UseSerialGC"), flags.toString());
        assertTrue(flags.stream().anyMatch(flag -> flag.startsWith("-Xmx")), flags.toString());
        assertTrue(Files.readString(repository.resolve("functions/Dockerfile"), java.nio.charset.StandardCharsets.UTF_8)
                .contains("/app/jvm-flags.txt"), "the image starts with the same file");
    }

    @Test
    void aFileWithoutFlagsIsAStartupFailure() throws IOException {
        Path file = Files.writeString(dir.resolve("jvm-flags.txt"), "# nothing\n\n");

        assertThrows(StartupFailure.class, () -> FunctionJvm.readFlags(file));
    }

    @Test
    void withoutACacheTheFunctionGetsTheFlagsOnly() throws IOException {
        FunctionSpec spec = spec();

        assertEquals(FLAGS, jvm(FunctionJvm.AotMode.AUTO, 25).options(spec));
        assertTrue(jvm(FunctionJvm.AotMode.TRAIN, 25).needsTraining(spec));
        assertFalse(jvm(FunctionJvm.AotMode.AUTO, 25).needsTraining(spec));
    }

    @Test
    void aCacheMadeForThisJarIsUsedUntilTheJarChanges() throws IOException {
        FunctionSpec spec = spec();
        FunctionJvm jvm = jvm(FunctionJvm.AotMode.AUTO, 25);
        jvm.adopt(spec, Files.writeString(dir.resolve("made.aot"), "cache"));

        assertEquals(List.of("-XX:+UseSerialGC", "-Xmx32m", "-XX:AOTMode=auto", "-XX:AOTCache=" + jvm.cache(spec)),
                jvm.options(spec));
        assertFalse(jvm(FunctionJvm.AotMode.TRAIN, 25).needsTraining(spec));

        Files.setLastModifiedTime(spec.jar(), FileTime.fromMillis(Files.getLastModifiedTime(spec.jar()).toMillis() + 1000));

        assertEquals(FLAGS, jvm.options(spec), "a rebuilt jar needs a new cache");
        assertTrue(jvm(FunctionJvm.AotMode.TRAIN, 25).needsTraining(spec));
    }

    @Test
    void otherFlagsOrAnOlderJavaOrOffMeanNoCache() throws IOException {
        FunctionSpec spec = spec();
        jvm(FunctionJvm.AotMode.AUTO, 25).adopt(spec, Files.writeString(dir.resolve("made.aot"), "cache"));

        FunctionJvm otherFlags = new FunctionJvm(List.of("-Xmx64m"), FunctionJvm.AotMode.AUTO, dir.resolve("aot"), dir,
                dir, 25);
        assertEquals(List.of("-Xmx64m"), otherFlags.options(spec));
        assertEquals(FLAGS, jvm(FunctionJvm.AotMode.AUTO, 21).options(spec));
        assertEquals(FLAGS, jvm(FunctionJvm.AotMode.OFF, 25).options(spec));
    }

    @Test
    void recordingWritesWhereTheCacheIsAdoptedFromWhenTheFunctionStops() throws IOException {
        FunctionSpec spec = spec();
        FunctionJvm jvm = jvm(FunctionJvm.AotMode.RECORD, 25);

        assertTrue(jvm.records(spec));
        List<String> options = jvm.options(spec);
        String output = options.getLast();
        assertEquals(FLAGS, options.subList(0, FLAGS.size()));
        assertTrue(output.startsWith("-XX:AOTCacheOutput="), output);
        Path recorded = Path.of(output.substring("-XX:AOTCacheOutput=".length()));
        assertTrue(Files.isDirectory(recorded.getParent()), "the JVM writes the file, not its directory");

        assertEquals(Optional.empty(), jvm.adoptRecording(spec), "killed: nothing written, nothing kept");
        Files.writeString(recorded, "cache");      // what the JVM writes as it exits
        assertEquals(Optional.of(jvm.cache(spec)), jvm.adoptRecording(spec));

        assertFalse(jvm.records(spec));
        assertEquals(List.of("-XX:+UseSerialGC", "-Xmx32m", "-XX:AOTMode=auto", "-XX:AOTCache=" + jvm.cache(spec)),
                jvm.options(spec));
        assertFalse(jvm(FunctionJvm.AotMode.RECORD, 21).records(spec), "JDK 21 has no AOT cache to record");
        assertFalse(jvm(FunctionJvm.AotMode.AUTO, 25).records(spec));
    }

    /**
     * The JDK's side of KADENCE_AOT=record (JEP 514), with a real JVM: one started with the recording options and
     * stopped as the platform stops a function (SIGTERM) writes the cache as it exits; once adopted, a JVM started with
     * the options that follow accepts it ({@code -XX:AOTMode=on} makes a refused cache a failed start).
     */
    @Test
    void aJvmStoppedWhileRecordingWritesACacheTheNextStartAccepts() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() >= 25, "AOT caches need JDK 25");
        FunctionSpec spec = new FunctionSpec("task-crud", sleeperJar(), 18081, 13501, Map.of());
        DataDirectory data = new DataDirectory(dir.resolve("data"));
        data.create();
        FunctionJvm jvm = new FunctionJvm(FLAGS, FunctionJvm.AotMode.RECORD, dir.resolve("aot"), dir, dir, 25);

        ChildProcess recording = spec.launch(data, jvm.options(spec));
        awaitLine(data.log(spec.name()), "sleeping", recording);
        recording.stop(Duration.ofSeconds(60));
        Optional<Path> cache = jvm.adoptRecording(spec);

        assertTrue(cache.isPresent(), "no cache written; the log:\n" + Files.readString(data.log(spec.name())));
        assertFalse(jvm.records(spec));
        List<String> options = new ArrayList<>(jvm.options(spec));
        options.add("-XX:AOTMode=on");
        ChildProcess cached = spec.launch(data, options);
        try {
            awaitLine(data.log(spec.name()), "sleeping", cached);
        } finally {
            cached.stop(Duration.ofSeconds(10));
        }
    }

    /** Prints "sleeping" and sleeps until it is stopped: a function's JVM at its simplest. */
    public static final class Sleeper {
        public static void main(String[] args) throws InterruptedException {
            Map<String, Integer> work = new TreeMap<>();       // some classes for the cache
            for (String word : "the cache is written when the jvm exits".split(" ")) {
                work.merge(word, 1, Integer::sum);
            }
            System.out.println("sleeping " + work);
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private Path sleeperJar() throws IOException {
        Path jar = dir.resolve("sleeper.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, Sleeper.class.getName());
        String entry = Sleeper.class.getName().replace('.', '/') + ".class";
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             var in = Sleeper.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    private static void awaitLine(Path log, String text, ChildProcess process) {
        Waits.await("'" + text + "' in " + log, Duration.ofSeconds(30), () -> {
            assertTrue(process.isAlive(), () -> "the JVM exited; its log:\n" + read(log));
            return read(log).contains(text);
        });
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void trainingOnAJavaWithoutAotCachesSaysWhy() throws IOException {
        StartupFailure failure = assertThrows(StartupFailure.class,
                () -> jvm(FunctionJvm.AotMode.TRAIN, 21).train(spec(), Map.of(), dir.resolve("aot.log")));

        assertTrue(failure.getMessage().contains("JDK 25"), failure.getMessage());
    }

    private FunctionJvm jvm(FunctionJvm.AotMode mode, int javaFeature) {
        return new FunctionJvm(FLAGS, mode, dir.resolve("aot"), dir, dir, javaFeature);
    }

    private FunctionSpec spec() throws IOException {
        Path jar = dir.resolve("task-crud.jar");
        if (!Files.exists(jar)) {
            Files.writeString(jar, "not really a jar");
        }
        return new FunctionSpec("task-crud", jar, 18081, 13501, Map.of());
    }
}
