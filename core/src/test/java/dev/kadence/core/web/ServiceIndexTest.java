package dev.kadence.core.web;

import io.micronaut.core.io.service.SoftServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The index a function's jar carries lists what Micronaut's scan of that jar finds, and the loaders made from it
 * answer as that scan does: the implementations that can be made, none for a service the jar does not list.
 */
class ServiceIndexTest {
    @TempDir
    Path dir;

    @Test
    void theIndexListsTheServicesFilesThenMicronautsEntries() throws Exception {
        Path jar = TestJars.write(dir.resolve("function.jar"), Map.of(
            "META-INF/services/java.lang.Runnable", "# a comment\n\n" + Plain.class.getName() + " # trailing\n",
            "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/" + Plain.class.getName(), "",
            "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/" + Other.class.getName(), "",
            "dev/kadence/Some.class", "not a class, and not a service"));

        ServiceIndex.main(new String[] {jar.toString()});

        List<String> lines;
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            lines = Files.readAllLines(zip.getPath(ServiceIndex.INDEX), StandardCharsets.UTF_8);
            assertThat(zip.getPath("dev/kadence/Some.class")).as("the rest of the jar is kept").exists();
        }
        assertThat(lines.getFirst()).isEqualTo("java.lang.Runnable " + Plain.class.getName() + " ");
        assertThat(lines.subList(1, lines.size())).containsExactlyInAnyOrder(
            "io.micronaut.inject.BeanDefinitionReference " + Plain.class.getName(),
            "io.micronaut.inject.BeanDefinitionReference " + Other.class.getName());
    }

    @Test
    void aServicesFileReadsAsMicronautReadsIt() {
        assertThat(ServiceIndex.standardServiceLines(List.of("#", "", "a.B", "a.C#x", "a.B")))
            .containsExactlyInAnyOrder("a.B", "a.C");
    }

    @Test
    void theLoadersMakeWhatCanBeMadeAndNothingForAnUnlistedService() throws IOException {
        Map<String, List<String>> index = ServiceIndex.parse(new BufferedReader(new StringReader(String.join("\n",
            "java.lang.Runnable " + Plain.class.getName(),
            "java.lang.Runnable dev.kadence.NoSuchClass",
            "java.lang.Runnable " + NoConstructor.class.getName(),
            "java.lang.Runnable " + Other.class.getName()))));
        Map<String, SoftServiceLoader.StaticServiceLoader<?>> loaders = ServiceIndex.loaders(index, getClass().getClassLoader());

        assertThat(loaders.containsKey("java.lang.Runnable")).isTrue();
        assertThat(loaders.get("java.lang.Runnable").load(null))
            .as("the missing class and the one without a public no-argument constructor are left out")
            .hasExactlyElementsOfTypes(Plain.class, Other.class);
        assertThat(loaders.get("java.lang.Runnable").load(name -> !name.equals(Plain.class.getName()), null))
            .hasExactlyElementsOfTypes(Other.class);
        assertThat(loaders.get("java.lang.Runnable").load(Other.class::isInstance)).hasExactlyElementsOfTypes(Other.class);
        assertThat(loaders.get("java.lang.Runnable").findAll(name -> true).map(SoftServiceLoader.StaticDefinition::getName))
            .containsExactly(Plain.class.getName(), NoConstructor.class.getName(), Other.class.getName());

        assertThat(loaders.containsKey("java.util.random.RandomGenerator")).as("answered, not scanned for").isTrue();
        assertThat(loaders.get("java.util.random.RandomGenerator").load(null)).isEmpty();
    }

    @Test
    void aServiceThatFailsToBeMadeFailsTheLookup() throws IOException {
        Map<String, List<String>> index = ServiceIndex.parse(new BufferedReader(new StringReader(
            "java.lang.Runnable " + Failing.class.getName())));

        assertThatThrownBy(() -> ServiceIndex.loaders(index, getClass().getClassLoader()).get("java.lang.Runnable").load(null))
            .isInstanceOf(IllegalStateException.class).hasMessage("not today");
    }

    public static final class Plain implements Runnable {
        @Override
        public void run() {
        }
    }

    public static final class Other implements Runnable {
        @Override
        public void run() {
        }
    }

    public static final class NoConstructor implements Runnable {
        private NoConstructor() {
        }

        @Override
        public void run() {
        }
    }

    public static final class Failing implements Runnable {
        public Failing() {
            throw new IllegalStateException("not today");
        }

        @Override
        public void run() {
        }
    }
}
