package dev.kadence.local.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What metadata each Dapr component type takes, from ../shared/k8s-schemas/dapr-metadata/*.metadata.yaml
 * (components-contrib): its own fields, its authentication profiles' fields and the built-in profiles it names.
 */
final class DaprMetadataCatalog {

    /**
     * Read by the Dapr runtime for every binding, not by the component, so not in components-contrib's files:
     * {@code direction} and {@code route} (docs.dapr.io, bindings API reference).
     */
    static final Set<String> RUNTIME_BINDING_METADATA = Set.of("direction", "route");

    private static final ObjectMapper YAML = new YAMLMapper();

    /** What one component type (e.g. {@code bindings.cron} v1) takes. */
    record ComponentMetadata(String type, String version, Set<String> names, Set<String> sensitive,
                             Set<String> required) {
    }

    private final Map<String, ComponentMetadata> byTypeAndVersion;

    private DaprMetadataCatalog(Map<String, ComponentMetadata> byTypeAndVersion) {
        this.byTypeAndVersion = byTypeAndVersion;
    }

    static DaprMetadataCatalog load(Path dir) {
        JsonNode builtinProfiles = read(dir.resolve("builtin-authentication-profiles.yaml"));
        Map<String, ComponentMetadata> components = new HashMap<>();
        for (Path file : metadataFiles(dir)) {
            JsonNode spec = read(file);
            String type = spec.path("type").asText() + "." + spec.path("name").asText();
            String version = spec.path("version").asText();
            Set<String> names = new LinkedHashSet<>();
            Set<String> sensitive = new LinkedHashSet<>();
            Set<String> required = new LinkedHashSet<>();
            collect(spec.path("metadata"), names, sensitive, required);
            for (JsonNode profile : spec.path("authenticationProfiles")) {
                collect(profile.path("metadata"), names, sensitive, new LinkedHashSet<>());
            }
            for (JsonNode builtin : spec.path("builtinAuthenticationProfiles")) {
                collect(builtin.path("metadata"), names, sensitive, new LinkedHashSet<>());
                for (JsonNode profile : builtinProfiles.path(builtin.path("name").asText())) {
                    collect(profile.path("metadata"), names, sensitive, new LinkedHashSet<>());
                }
            }
            if (type.startsWith("bindings.")) {
                names.addAll(RUNTIME_BINDING_METADATA);
            }
            components.put(type + "@" + version, new ComponentMetadata(type, version, Set.copyOf(names),
                    Set.copyOf(sensitive), Set.copyOf(required)));
        }
        return new DaprMetadataCatalog(Map.copyOf(components));
    }

    /** The metadata of a component {@code spec.type} (e.g. {@code bindings.cron}) at {@code spec.version}. */
    Optional<ComponentMetadata> of(String type, String version) {
        return Optional.ofNullable(byTypeAndVersion.get(type + "@" + version));
    }

    private static void collect(JsonNode metadata, Set<String> names, Set<String> sensitive, Set<String> required) {
        for (JsonNode field : metadata) {
            String name = field.path("name").asText();
            names.add(name);
            if (field.path("sensitive").asBoolean()) {
                sensitive.add(name);
            }
            if (field.path("required").asBoolean()) {
                required.add(name);
            }
        }
    }

    private static List<Path> metadataFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".metadata.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
