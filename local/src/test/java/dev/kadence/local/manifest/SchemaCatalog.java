package dev.kadence.local.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The schema of every kind in ../shared/k8s-schemas, by apiVersion and kind: a CRD's served versions
 * ({@code spec.versions[].schema.openAPIV3Schema}, with {@code metadata} checked as a core ObjectMeta), and the core
 * kinds' JSON schemas ({@code x-kubernetes-group-version-kind}). A CRD's root always takes apiVersion, kind and
 * metadata, as the API server does, even where its schema leaves them out (the KafkaSink CRD does). Where a CRD
 * defines a group, only the CRD speaks for it (the JSON files also carry Strimzi's older v1beta2, which the CRDs no
 * longer serve). All made strict.
 */
final class SchemaCatalog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .nullableKeywordEnabled(true)
            .formatAssertionsEnabled(false)
            .pathType(PathType.JSON_PATH)
            .build();

    private final Map<String, JsonNode> schemas;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    private SchemaCatalog(Map<String, JsonNode> schemas) {
        this.schemas = schemas;
    }

    static SchemaCatalog load(Path root) {
        return load(root, null);
    }

    /**
     * @param own schemas of kinds the shared ones lack, kept in this repository (NetworkPolicy); their {@code metadata}
     *            is the shared ObjectMeta
     */
    static SchemaCatalog load(Path root, Path own) {
        List<Path> files = new ArrayList<>(files(root));
        List<Path> ownFiles = own == null ? List.of() : files(own);
        files.addAll(ownFiles);
        Map<String, JsonNode> crds = new HashMap<>();
        Set<String> crdGroups = new HashSet<>();
        List<CoreSchema> core = new ArrayList<>();
        JsonNode objectMeta = null;
        for (Path file : files) {
            if (file.toString().endsWith(".json")) {
                JsonNode schema = read(JSON, file).getFirst();
                for (JsonNode gvk : schema.path("x-kubernetes-group-version-kind")) {
                    String group = gvk.path("group").asText();
                    core.add(new CoreSchema(group, key(group, gvk.path("version").asText(), gvk.path("kind").asText()),
                            schema, ownFiles.contains(file)));
                    if (objectMeta == null && schema.path("properties").has("metadata")) {
                        objectMeta = schema.path("properties").path("metadata");
                    }
                }
            } else {
                for (JsonNode document : read(YAML, file)) {
                    if ("CustomResourceDefinition".equals(document.path("kind").asText())) {
                        addCrd(document, crds, crdGroups);
                    }
                }
            }
        }
        if (objectMeta == null) {
            throw new IllegalStateException("No core schema with an ObjectMeta under " + root);
        }
        Map<String, JsonNode> schemas = new HashMap<>();
        for (var entry : crds.entrySet()) {
            ObjectNode schema = entry.getValue().deepCopy();
            ObjectNode properties = schema.withObjectProperty("properties");
            properties.set("metadata", objectMeta);
            properties.putIfAbsent("apiVersion", YAML.createObjectNode().put("type", "string"));
            properties.putIfAbsent("kind", YAML.createObjectNode().put("type", "string"));
            schemas.put(entry.getKey(), StrictSchema.of(schema));
        }
        for (CoreSchema schema : core) {
            if (!crdGroups.contains(schema.group())) {
                JsonNode full = schema.schema();
                if (schema.own()) {
                    ObjectNode copy = full.deepCopy();
                    copy.withObjectProperty("properties").set("metadata", objectMeta);
                    full = copy;
                }
                schemas.put(schema.key(), StrictSchema.of(full));
            }
        }
        return new SchemaCatalog(Map.copyOf(schemas));
    }

    /** The compiled strict schema for a resource's apiVersion and kind, if the catalog knows the kind. */
    Optional<JsonSchema> schemaFor(String apiVersion, String kind) {
        String key = apiVersion + "|" + kind;
        JsonNode schema = schemas.get(key);
        if (schema == null) {
            return Optional.empty();
        }
        return Optional.of(compiled.computeIfAbsent(key, k -> FACTORY.getSchema(schema, CONFIG)));
    }

    Set<String> kinds() {
        return schemas.keySet();
    }

    private record CoreSchema(String group, String key, JsonNode schema, boolean own) {
    }

    private static void addCrd(JsonNode crd, Map<String, JsonNode> crds, Set<String> crdGroups) {
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        crdGroups.add(group);
        for (JsonNode version : crd.path("spec").path("versions")) {
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (version.path("served").asBoolean() && schema.isObject()) {
                crds.put(key(group, version.path("name").asText(), kind), schema);
            }
        }
    }

    private static String key(String group, String version, String kind) {
        return (group.isEmpty() ? version : group + "/" + version) + "|" + kind;
    }

    private static List<Path> files(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile)
                    .filter(file -> file.toString().endsWith(".json") || file.toString().endsWith(".yaml"))
                    .filter(file -> !file.getParent().getFileName().toString().equals("dapr-metadata"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<JsonNode> read(ObjectMapper mapper, Path file) {
        try (var documents = mapper.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            return documents.readAll().stream().filter(document -> document != null && !document.isNull()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }
}
