package dev.kadence.local.manifest;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The Dapr components in dapr/ that the local platform stands in for. */
public final class DaprComponents {

    /**
     * A Dapr cron input binding from dapr/: at each tick Dapr POSTs to {@code /<name>} on each app in scopes.
     *
     * @param name     the Component's name, e.g. {@code reminder-sweep}
     * @param schedule its schedule as Dapr's cron binding reads it, e.g. {@code @every 30s}
     * @param scopes   the app ids it is limited to (empty: every app)
     */
    public record CronBinding(String name, String schedule, List<String> scopes) {

        public CronBinding {
            scopes = List.copyOf(scopes);
        }
    }

    private DaprComponents() {
    }

    /** The cron bindings ({@code Component} of {@code type: bindings.cron}) in the YAML files of {@code daprDir}. */
    public static List<CronBinding> fromDirectory(Path daprDir) {
        return manifests(daprDir).stream()
                .flatMap(file -> Chart.read(read(file)).stream())
                .filter(DaprComponents::isCronBinding)
                .map(GenericKubernetesResource.class::cast)
                .map(DaprComponents::cronBinding)
                .toList();
    }

    static List<Path> manifests(Path daprDir) {
        try (Stream<Path> files = Files.list(daprDir)) {
            return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isCronBinding(HasMetadata resource) {
        return resource instanceof GenericKubernetesResource component
                && "Component".equals(component.getKind())
                && component.getApiVersion() != null && component.getApiVersion().startsWith("dapr.io/")
                && "bindings.cron".equals(component.get("spec", "type"));
    }

    private static CronBinding cronBinding(GenericKubernetesResource component) {
        String name = component.getMetadata().getName();
        List<Map<String, Object>> metadata = component.get("spec", "metadata");
        String schedule = metadata == null ? null : metadata.stream()
                .filter(entry -> "schedule".equals(entry.get("name")))
                .map(entry -> entry.get("value"))
                .map(String::valueOf)
                .findFirst().orElse(null);
        if (schedule == null) {
            throw new IllegalStateException("Dapr cron binding " + name + " has no schedule");
        }
        List<String> scopes = component.get("scopes");
        return new CronBinding(name, schedule, scopes == null ? List.of() : scopes);
    }
}
