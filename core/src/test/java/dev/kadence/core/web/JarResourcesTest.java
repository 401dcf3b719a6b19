package dev.kadence.core.web;

import io.micronaut.core.io.scan.ClassPathResourceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A function's resources read as Micronaut's own loader reads them, from a jar and from a directory. */
class JarResourcesTest {
    private static final List<String> PATHS = List.of("application.properties", "classpath:application.properties",
        "/application.properties", "classpath:/application.properties", "config/extra.properties", "config", "config/", "missing.properties", "missing",
        "config/../application.properties", "only-in-directory.properties");

    @TempDir
    Path dir;

    @Test
    void readsWhatMicronautsLoaderReadsFromAJarAndFromADirectory() throws Exception {
        Path jar = TestJars.write(dir.resolve("function.jar"), Map.of(
            "application.properties", "micronaut.application.name=from-the-jar\n",
            "config/extra.properties", "extra=1\n"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(classes.resolve("only-in-directory.properties"), "directory=1\n");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL(), classes.toUri().toURL()}, null)) {
            JarResources ours = new JarResources(loader);
            ClassPathResourceLoader micronauts = ClassPathResourceLoader.defaultLoader(loader);
            for (String path : PATHS) {
                assertThat(read(ours.getResourceAsStream(path))).as(path).isEqualTo(read(micronauts.getResourceAsStream(path)));
            }
            assertThat(read(ours.getResourceAsStream("application.properties")).orElseThrow()).contains("from-the-jar");
            assertThat(ours.getResourceAsStream("config")).as("a directory is no resource").isEmpty();
            assertThat(read(ours.getResourceAsStream("only-in-directory.properties")).orElseThrow()).contains("directory=1");
        }
    }

    private static Optional<String> read(Optional<InputStream> resource) {
        return resource.map(in -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
