package dev.kadence.core.web;

import io.micronaut.core.io.service.MicronautMetaServiceLoaderUtils;
import io.micronaut.core.io.service.SoftServiceLoader;
import io.micronaut.core.optim.StaticOptimizations;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Micronaut's service loading from an index written into a function's jar when it is built, instead of a scan of the
 * jar at every start.
 * <p>
 * Micronaut finds its bean definitions and other services as files under {@code META-INF/micronaut/<service>/} and
 * {@code META-INF/services/<service>}. The first lookup lists that directory, which in a jar means opening the jar as
 * a zip file system: an index of all of its ~13,000 entries, built in interpreted code at every cold start. The build
 * writes the same lists to {@value #INDEX} ({@link #main}, run by functions/pom.xml after the jar is shaded); this
 * loader, registered as a {@link StaticOptimizations.Loader} (the hook Micronaut AOT uses for the same purpose), hands
 * them to {@link SoftServiceLoader}. Every service name is answered from the index — one it does not list has no
 * implementations in the jar — so the scan never runs. Without the index (tests, an IDE: classes in directories) it
 * hands over nothing and Micronaut scans as before.
 */
public final class ServiceIndex implements StaticOptimizations.Loader<SoftServiceLoader.Optimizations> {
    /** The resource the build writes: one {@code <service> <implementation>} per line, in the order Micronaut reads. */
    public static final String INDEX = "META-INF/kadence/services.index";

    /**
     * Writes the index into a jar: {@code ServiceIndex <jar>}. The lists are the ones Micronaut's own scan of that jar
     * finds, in its order: the lines of each {@code META-INF/services} file as its scan reads them, then the entries
     * of {@code META-INF/micronaut}, found by Micronaut's own code.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ServiceIndex <jar>");
        }
        Path jar = Path.of(args[0]);
        List<String> lines = new ArrayList<>();
        try (URLClassLoader classLoader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             FileSystem zip = FileSystems.newFileSystem(jar)) {
            Path services = zip.getPath("META-INF/services");
            if (Files.isDirectory(services)) {
                try (Stream<Path> files = Files.list(services)) {
                    for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                        String service = file.getFileName().toString();
                        for (String implementation : standardServiceLines(Files.readAllLines(file, StandardCharsets.UTF_8))) {
                            lines.add(service + ' ' + implementation);
                        }
                    }
                }
            }
            MicronautMetaServiceLoaderUtils.findAllMicronautMetaServices(classLoader).forEach((service, implementations) ->
                implementations.forEach(implementation -> lines.add(service + ' ' + implementation)));
        }
        try (FileSystem zip = FileSystems.newFileSystem(jar, Map.of("create", "false"))) {
            Path index = zip.getPath(INDEX);
            Files.createDirectories(index.getParent());
            Files.write(index, lines, StandardCharsets.UTF_8);
        }
        System.out.println("service index: " + lines.size() + " implementations in " + jar.getFileName() + " (" + INDEX + ")");
    }

    /**
     * The implementations a {@code META-INF/services} file names, in the order Micronaut's scan yields them: comment
     * and blank lines dropped, a trailing comment cut, collected in a {@link HashSet} (ServiceScanner does the same).
     */
    static Set<String> standardServiceLines(List<String> lines) {
        Set<String> names = new HashSet<>();
        for (String line : lines) {
            if (line.isEmpty() || line.charAt(0) == '#') {
                continue;
            }
            int comment = line.indexOf('#');
            names.add(comment > -1 ? line.substring(0, comment) : line);
        }
        return names;
    }

    @Override
    public SoftServiceLoader.Optimizations load() {
        ClassLoader classLoader = ServiceIndex.class.getClassLoader();
        Map<String, List<String>> index = read(classLoader);
        return new SoftServiceLoader.Optimizations(index == null ? Map.of() : loaders(index, classLoader));
    }

    /** A loader for every service name, from {@code index}: its implementations there, or none. */
    static Map<String, SoftServiceLoader.StaticServiceLoader<?>> loaders(Map<String, List<String>> index, ClassLoader classLoader) {
        return new Loaders(index, classLoader);
    }

    /** The index on the class path, or null if there is none. */
    static Map<String, List<String>> read(ClassLoader classLoader) {
        try (InputStream in = classLoader.getResourceAsStream(INDEX)) {
            if (in == null) {
                return null;
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + INDEX, e);
        }
    }

    static Map<String, List<String>> parse(BufferedReader reader) throws IOException {
        Map<String, List<String>> index = new HashMap<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int space = line.indexOf(' ');
            if (space > 0) {
                index.computeIfAbsent(line.substring(0, space), service -> new ArrayList<>()).add(line.substring(space + 1));
            }
        }
        return index;
    }

    /**
     * A loader for every service name: the index's implementations, or none. A read-only map that answers any key, so
     * that {@link SoftServiceLoader} never falls back to scanning.
     */
    private static final class Loaders extends AbstractMap<String, SoftServiceLoader.StaticServiceLoader<?>> {
        private final Map<String, List<String>> index;
        private final ClassLoader classLoader;

        Loaders(Map<String, List<String>> index, ClassLoader classLoader) {
            this.index = index;
            this.classLoader = classLoader;
        }

        @Override
        public SoftServiceLoader.StaticServiceLoader<?> get(Object service) {
            return new Implementations<>(index.getOrDefault(service, List.of()), classLoader);
        }

        @Override
        public boolean containsKey(Object service) {
            return service instanceof String;
        }

        @Override
        public Set<Entry<String, SoftServiceLoader.StaticServiceLoader<?>>> entrySet() {
            throw new UnsupportedOperationException("the service index answers by name only");
        }
    }

    /**
     * The implementations of one service that can be loaded, made as Micronaut's own scan makes them: one whose class,
     * or a class it needs, is missing is left out; one that fails otherwise fails the lookup.
     */
    private record Implementations<S>(List<String> names, ClassLoader classLoader)
            implements SoftServiceLoader.StaticServiceLoader<S> {
        private static final MethodHandles.Lookup LOOKUP = MethodHandles.publicLookup();
        private static final MethodType NO_ARGUMENTS = MethodType.methodType(void.class);

        @Override
        public Stream<SoftServiceLoader.StaticDefinition<S>> findAll(Predicate<String> condition) {
            List<SoftServiceLoader.StaticDefinition<S>> definitions = new ArrayList<>(names.size());
            for (String name : names) {
                Class<S> type = condition == null || condition.test(name) ? type(name) : null;
                if (type != null) {
                    definitions.add(SoftServiceLoader.StaticDefinition.of(name, type));
                }
            }
            return definitions.stream();
        }

        @Override
        public List<S> load(Predicate<String> condition, Predicate<S> predicate) {
            List<S> instances = new ArrayList<>(names.size());
            for (String name : names) {
                Class<S> type = condition == null || condition.test(name) ? type(name) : null;
                S instance = type == null ? null : instance(type);
                if (instance != null && (predicate == null || predicate.test(instance))) {
                    instances.add(instance);
                }
            }
            return instances;
        }

        @SuppressWarnings("unchecked")
        private Class<S> type(String name) {
            try {
                return (Class<S>) Class.forName(name, false, classLoader);
            } catch (ClassNotFoundException | NoClassDefFoundError e) {
                return null;
            }
        }

        @SuppressWarnings("unchecked")
        private static <S> S instance(Class<S> type) {
            try {
                return (S) LOOKUP.findConstructor(type, NO_ARGUMENTS).invoke();
            } catch (NoClassDefFoundError | NoSuchMethodException | IllegalAccessException e) {
                return null;
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException("cannot make the service " + type.getName(), e);
            }
        }
    }
}
